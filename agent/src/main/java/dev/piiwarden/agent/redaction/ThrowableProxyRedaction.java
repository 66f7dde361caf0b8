package dev.piiwarden.agent.redaction;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Log4j2's {@code ThrowableProxy} (behind {@code %xEx}, the pattern layout's default exception
 * converter): when built from a stand-in for a redacted exception, it is given the original class
 * name. Logback's proxies are fixed by {@link LogbackEventRewrite} with the rest of the event.
 */
final class ThrowableProxyRedaction {
  static final String TYPE_NAME = "org.apache.logging.log4j.core.impl.ThrowableProxy";

  private ThrowableProxyRedaction() {}

  static ElementMatcher<TypeDescription> type() {
    return named(TYPE_NAME);
  }

  static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder) {
    return builder.visit(
        Advice.to(ConstructorAdvice.class).on(isConstructor().and(takesArgument(0, Throwable.class))));
  }

  /** Inlined at the end of each constructor taking the throwable first. */
  static final class ConstructorAdvice {
    private ConstructorAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object proxy, @Advice.Argument(0) Object thrown) {
      RedactionBridge.throwableProxyBuilt(proxy, thrown);
    }
  }
}

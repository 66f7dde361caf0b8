package dev.piiwarden.agent.redaction;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Logback 1.3–1.5: {@code ch.qos.logback.classic.Logger#callAppenders(ILoggingEvent)}, the one
 * place every event passes, complete (MDC, key-value pairs, exception) and before any appender,
 * {@code AsyncAppender} and JSON encoders included, sees it. The same hook as OpenTelemetry's
 * Logback appender instrumentation.
 */
final class LogbackEventRedaction {
  static final String TYPE_NAME = "ch.qos.logback.classic.Logger";

  private LogbackEventRedaction() {}

  static ElementMatcher<TypeDescription> type() {
    return named(TYPE_NAME);
  }

  static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder) {
    return builder.visit(
        Advice.to(CallAppendersAdvice.class)
            .on(named("callAppenders").and(isPublic()).and(takesArguments(1))));
  }

  /** Inlined into {@code callAppenders}; refers to the bootstrap bridge only. */
  static final class CallAppendersAdvice {
    private CallAppendersAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) Object event) {
      return RedactionBridge.enterLogback(event);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
      if (entered) {
        RedactionBridge.leave();
      }
    }
  }
}

package dev.piiwarden.agent.redaction;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * java.util.logging: {@code java.util.logging.Logger#log(LogRecord)}, where every logging method
 * of the JDK's logger ends before the filter and the handlers. {@code Logger} is a JDK class that
 * may be loaded before the agent starts, so {@link RedactionInstrumentation} retransforms it (that
 * one class, not a walk over all loaded classes).
 */
final class JulRecordRedaction {
  static final String TYPE_NAME = "java.util.logging.Logger";

  private JulRecordRedaction() {}

  static ElementMatcher<TypeDescription> type() {
    return named(TYPE_NAME);
  }

  static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder) {
    return builder.visit(
        Advice.to(LogAdvice.class)
            .on(named("log").and(takesArguments(1)).and(takesArgument(0, LogRecord.class))));
  }

  /** Inlined into {@code Logger#log(LogRecord)}; refers to the bootstrap bridge only. */
  static final class LogAdvice {
    private LogAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) LogRecord record) {
      return RedactionBridge.enterJul(record);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
      if (entered) {
        RedactionBridge.leave();
      }
    }
  }
}

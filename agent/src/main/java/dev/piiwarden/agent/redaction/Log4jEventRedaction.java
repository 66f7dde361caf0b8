package dev.piiwarden.agent.redaction;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Log4j2 2.17+: {@code LoggerConfig#callAppenders(LogEvent)}, which every event reaches before its
 * appenders: synchronous loggers, {@code AsyncLogger} (on the ring buffer's thread) and {@code
 * AsyncLoggerConfig} (whose override enqueues, and whose background thread calls this one through
 * {@code super}). The advice hands the appenders a redacted copy of the event.
 */
final class Log4jEventRedaction {
  static final String TYPE_NAME = "org.apache.logging.log4j.core.config.LoggerConfig";

  private Log4jEventRedaction() {}

  static ElementMatcher<TypeDescription> type() {
    return named(TYPE_NAME);
  }

  static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder) {
    return builder.visit(
        Advice.to(CallAppendersAdvice.class).on(named("callAppenders").and(takesArguments(1))));
  }

  /** Inlined into {@code callAppenders}; refers to the bootstrap bridge only. */
  static final class CallAppendersAdvice {
    private CallAppendersAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(
        @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object event) {
      event = RedactionBridge.enterLog4j(event);
      return true;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean entered) {
      if (entered) {
        RedactionBridge.leave();
      }
    }
  }
}

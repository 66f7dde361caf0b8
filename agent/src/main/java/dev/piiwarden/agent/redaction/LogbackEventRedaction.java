package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Logback 1.3–1.5: {@code ch.qos.logback.classic.Logger#callAppenders(ILoggingEvent)}, the one
 * place every event passes, complete (MDC, key-value pairs, exception) and before any appender,
 * {@code AsyncAppender} and JSON encoders included, sees it: {@code
 * RedactionBridge.enterLogback(event)} at the start, {@code leave()} at every exit. OpenTelemetry's
 * Logback appender instrumentation reads the event at the start of the same method, so the calls
 * Logback's {@code Logger} makes of it itself (every event it builds) get {@code
 * RedactionBridge.prepareLogback(event)} just before them ({@link BeforeCallHook}): the event is
 * redacted before either agent's code in the method runs.
 */
final class LogbackEventRedaction extends LogHook {
  static final String TYPE_NAME = "ch/qos/logback/classic/Logger";
  private static final String CALL_APPENDERS = "callAppenders";
  private static final String EVENT = "(Lch/qos/logback/classic/spi/ILoggingEvent;)V";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals(CALL_APPENDERS)
        || (access & Opcodes.ACC_PUBLIC) == 0
        || !oneReferenceArgument(access, descriptor)) {
      return new BeforeCallHook(
          next, owner, CALL_APPENDERS, EVENT, "prepareLogback", "(Ljava/lang/Object;)V");
    }
    return new EnterLeaveHook(next, owner, frames, descriptor) {
      @Override
      void enter() {
        visitVarInsn(Opcodes.ALOAD, 1);
        visitMethodInsn(
            Opcodes.INVOKESTATIC, BRIDGE, "enterLogback", "(Ljava/lang/Object;)V", false);
      }
    };
  }
}

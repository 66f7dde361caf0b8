package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Logback 1.3–1.5: {@code ch.qos.logback.classic.Logger#callAppenders(ILoggingEvent)}, the one
 * place every event passes, complete (MDC, key-value pairs, exception) and before any appender,
 * {@code AsyncAppender} and JSON encoders included, sees it. The same hook as OpenTelemetry's
 * Logback appender instrumentation: {@code RedactionBridge.enterLogback(event)} at the start,
 * {@code leave()} at every exit.
 */
final class LogbackEventRedaction extends LogHook {
  static final String TYPE_NAME = "ch/qos/logback/classic/Logger";

  @Override
  String internalName() {
    return TYPE_NAME;
  }

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("callAppenders")
        || (access & Opcodes.ACC_PUBLIC) == 0
        || !oneReferenceArgument(access, descriptor)) {
      return next;
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

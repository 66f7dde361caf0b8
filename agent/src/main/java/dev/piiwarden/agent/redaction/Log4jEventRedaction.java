package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Log4j2 2.17+: {@code LoggerConfig#callAppenders(LogEvent)}, which every event reaches before its
 * appenders: synchronous loggers, {@code AsyncLogger} (on the ring buffer's thread) and {@code
 * AsyncLoggerConfig} (whose override enqueues, and whose background thread calls this one through
 * {@code super}). The hook hands the appenders a redacted copy of the event:
 * {@code event = (LogEvent) RedactionBridge.enterLog4j(event, LogEvent.class)} at the start,
 * {@code leave()} at every exit.
 */
final class Log4jEventRedaction extends LogHook {
  static final String TYPE_NAME = "org/apache/logging/log4j/core/config/LoggerConfig";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("callAppenders") || !oneReferenceArgument(access, descriptor)) {
      return next;
    }
    Type event = Type.getArgumentTypes(descriptor)[0];
    return new EnterLeaveHook(next, owner, frames, descriptor) {
      @Override
      void enter() {
        visitVarInsn(Opcodes.ALOAD, 1);
        visitLdcInsn(event);
        visitMethodInsn(
            Opcodes.INVOKESTATIC,
            BRIDGE,
            "enterLog4j",
            "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;",
            false);
        visitTypeInsn(Opcodes.CHECKCAST, event.getInternalName());
        visitVarInsn(Opcodes.ASTORE, 1);
      }
    };
  }
}

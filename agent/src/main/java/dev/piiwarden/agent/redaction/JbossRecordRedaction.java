package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The JBoss LogManager (Quarkus, WildFly, Keycloak): {@code org.jboss.logmanager.Logger} overrides
 * {@code java.util.logging.Logger#log(LogRecord)}, so the JDK logger's hook never sees its records;
 * every one of its logging methods ends in {@code logRaw(ExtLogRecord)} before the filter and the
 * handlers. {@code RedactionBridge.enterJul(record)} at its start ({@code ExtLogRecord} is a {@code
 * LogRecord}, redacted by {@link JbossRecordRewrite}), {@code leave()} at every exit.
 */
final class JbossRecordRedaction extends LogHook {
  static final String TYPE_NAME = "org/jboss/logmanager/Logger";
  private static final String LOG_RAW = "(Lorg/jboss/logmanager/ExtLogRecord;)V";
  private static final String ENTER = "(Ljava/util/logging/LogRecord;)V";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("logRaw") || !descriptor.equals(LOG_RAW) || !oneReferenceArgument(access, descriptor)) {
      return next;
    }
    return new EnterLeaveHook(next, owner, frames, descriptor) {
      @Override
      void enter() {
        visitVarInsn(Opcodes.ALOAD, 1);
        visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enterJul", ENTER, false);
      }
    };
  }
}

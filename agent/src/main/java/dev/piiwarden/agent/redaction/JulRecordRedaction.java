package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * java.util.logging: {@code java.util.logging.Logger#log(LogRecord)}, where every logging method
 * of the JDK's logger ends before the filter and the handlers: {@code
 * RedactionBridge.enterJul(record)} at the start, {@code leave()} at every exit, and {@code
 * RedactionBridge.prepareJul(record)} just before each call the logger makes of it itself ({@link
 * BeforeCallHook}), ahead of OpenTelemetry's log export, which reads the record at the start of
 * the same method. {@code Logger} is not loaded before {@code premain} on JDK 17 or 25, so it is
 * usually hooked as it loads; when something loaded it earlier, {@link AgentRedaction}
 * retransforms that one class.
 */
final class JulRecordRedaction extends LogHook {
  static final String TYPE_NAME = "java/util/logging/Logger";
  private static final String LOG = "(Ljava/util/logging/LogRecord;)V";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("log") || !descriptor.equals(LOG) || !oneReferenceArgument(access, descriptor)) {
      return new BeforeCallHook(next, owner, "log", LOG, "prepareJul", LOG);
    }
    return new EnterLeaveHook(next, owner, frames, descriptor) {
      @Override
      void enter() {
        visitVarInsn(Opcodes.ALOAD, 1);
        visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enterJul", LOG, false);
      }
    };
  }
}

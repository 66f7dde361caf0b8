package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * log4j-slf4j2-impl (SLF4J 2 over Log4j2): {@code Log4jEventBuilder#addKeyValue} makes text of a
 * key-value pair's value at once ({@code String.valueOf}) for the context map the event then
 * carries, where the Log4j2 hook sees only that text. So that an annotated object is rendered by
 * its annotations rather than by its {@code toString}, each of those {@code String.valueOf} calls
 * gets the value through the bridge first ({@code RedactionBridge.slf4jKeyValue}); text and numbers
 * pass as they are, and the context map's values are then redacted by the Log4j2 hook as any
 * other's.
 */
final class Log4jSlf4jKeyValueRedaction extends LogHook {
  static final String TYPE_NAME = "org/apache/logging/slf4j/Log4jEventBuilder";

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("addKeyValue") || !hasBody(access)) {
      return next;
    }
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitMethodInsn(
          int opcode, String callee, String method, String signature, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && callee.equals("java/lang/String") && method.equals("valueOf")
            && signature.equals("(Ljava/lang/Object;)Ljava/lang/String;")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "slf4jKeyValue", OBJECT_TO_OBJECT, false);
        }
        super.visitMethodInsn(opcode, callee, method, signature, isInterface);
      }
    };
  }
}

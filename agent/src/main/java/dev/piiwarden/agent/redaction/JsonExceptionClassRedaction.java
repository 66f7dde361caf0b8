package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Log4j2's JsonTemplateLayout names an event's exception (and its root cause) by {@code
 * exception.getClass().getCanonicalName()} in {@code ExceptionResolver} ({@code error.type} of the
 * ECS template). Each {@code getClass()} call of that class becomes {@code
 * RedactedThrowable.classOf(object)}: the same class for any object but a stand-in for a redacted
 * exception, whose original's class it gives. The stack stays as it was (one reference in, one
 * out), so frames and maximums are kept.
 */
final class JsonExceptionClassRedaction extends LogHook {
  static final String TYPE_NAME = "org/apache/logging/log4j/layout/template/json/resolver/ExceptionResolver";
  private static final String STAND_IN = "dev/piiwarden/agent/redaction/bridge/RedactedThrowable";

  @Override
  String internalName() {
    return TYPE_NAME;
  }

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
      return next;
    }
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitMethodInsn(int opcode, String calledOwner, String calledName, String calledDescriptor,
          boolean isInterface) {
        if (opcode == Opcodes.INVOKEVIRTUAL && calledName.equals("getClass")
            && calledDescriptor.equals("()Ljava/lang/Class;")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, STAND_IN, "classOf", "(Ljava/lang/Object;)Ljava/lang/Class;", false);
        } else {
          super.visitMethodInsn(opcode, calledOwner, calledName, calledDescriptor, isInterface);
        }
      }
    };
  }
}

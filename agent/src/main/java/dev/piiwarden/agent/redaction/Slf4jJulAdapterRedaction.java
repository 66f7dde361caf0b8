package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * SLF4J over java.util.logging (slf4j-jdk14, SLF4J 2): {@code
 * JDK14LoggerAdapter#innerNormalizedLoggingCallHandler}, where every SLF4J call with arguments
 * arrives and is formatted before java.util.logging sees it. So that an annotated argument is
 * rendered by its annotations rather than by its {@code toString}, the arguments are handed over
 * first: {@code arguments = RedactionBridge.slf4jArguments(arguments)}. The record's text is then
 * redacted by the java.util.logging hook as any other.
 */
final class Slf4jJulAdapterRedaction extends LogHook {
  static final String TYPE_NAME = "org/slf4j/jul/JDK14LoggerAdapter";
  private static final String ARRAY = "[Ljava/lang/Object;";

  @Override
  String internalName() {
    return TYPE_NAME;
  }

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals("innerNormalizedLoggingCallHandler") || (access & Opcodes.ACC_STATIC) != 0) {
      return next;
    }
    int arguments = -1;
    int slot = 1;
    for (Type parameter : Type.getArgumentTypes(descriptor)) {
      if (parameter.getDescriptor().equals(ARRAY)) {
        arguments = slot;
      }
      slot += parameter.getSize();
    }
    if (arguments < 0) {
      return next;
    }
    int argumentsSlot = arguments;
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, argumentsSlot);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "slf4jArguments",
            "([Ljava/lang/Object;)[Ljava/lang/Object;", false);
        super.visitVarInsn(Opcodes.ASTORE, argumentsSlot);
      }

      @Override
      public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(Math.max(maxStack, 1), maxLocals);
      }
    };
  }
}

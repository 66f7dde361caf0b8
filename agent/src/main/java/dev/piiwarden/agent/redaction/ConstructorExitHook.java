package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts {@code RedactionBridge.throwableProxyBuilt(this, firstArgument)} before each return of a
 * constructor: straight-line code, no handler and no frame (a constructor that throws built no
 * proxy).
 */
final class ConstructorExitHook extends MethodVisitor {
  ConstructorExitHook(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.RETURN) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ALOAD, 1);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          LogHook.BRIDGE,
          "throwableProxyBuilt",
          "(Ljava/lang/Object;Ljava/lang/Object;)V",
          false);
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(maxStack + 2, maxLocals);
  }
}

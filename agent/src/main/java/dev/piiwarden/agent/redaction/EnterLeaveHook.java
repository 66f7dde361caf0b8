package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.instrument.FrameLocals;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Inserts a bridge call at the start of a method ({@link #enter()}), and {@code
 * RedactionBridge.leave()} before each return and in a catch-all handler that rethrows, added after
 * the method's own handlers so they keep precedence:
 *
 * <pre>
 *   RedactionBridge.enterX(argument);        // enter(), never throws
 *   try { ...the method as it was... } finally { RedactionBridge.leave(); }
 * </pre>
 *
 * <p>The handler's frame is written by hand (the method's own locals: this and the parameters), so
 * no class is loaded to compute it; nothing else of the class changes, so retransformation is
 * allowed.
 */
abstract class EnterLeaveHook extends MethodVisitor {
  /** Operand stack the inserted code needs beyond the method's own: two arguments. */
  private static final int INSERTED_STACK = 2;

  private final String owner;
  private final boolean frames;
  private final String descriptor;
  private final Label start = new Label();

  EnterLeaveHook(MethodVisitor next, String owner, boolean frames, String descriptor) {
    super(Opcodes.ASM9, next);
    this.owner = owner;
    this.frames = frames;
    this.descriptor = descriptor;
  }

  /** The code inserted at the start, through {@code super}'s visitor methods; stack-neutral. */
  abstract void enter();

  @Override
  public void visitCode() {
    super.visitCode();
    enter();
    super.visitLabel(start);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      leave();
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    Label handler = new Label();
    super.visitLabel(handler);
    if (frames) {
      Object[] locals = FrameLocals.atEntry(owner, false, Type.getArgumentTypes(descriptor));
      super.visitFrame(
          Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
    }
    leave();
    super.visitInsn(Opcodes.ATHROW);
    super.visitTryCatchBlock(start, handler, handler, null);
    super.visitMaxs(Math.max(maxStack, 1) + INSERTED_STACK, maxLocals);
  }

  private void leave() {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, LogHook.BRIDGE, "leave", "()V", false);
  }
}

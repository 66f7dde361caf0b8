package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One logging class the agent hooks (chosen by name in {@link LogHookRewriter}): for each of its
 * methods either the writer's visitor unchanged or one that inserts the hook ({@link
 * EnterLeaveHook}, {@link ConstructorExitHook}). Calls reach the bootstrap {@code RedactionBridge}
 * by name only.
 */
abstract class LogHook {
  static final String BRIDGE = "dev/piiwarden/agent/redaction/bridge/RedactionBridge";
  /** The descriptor of a bridge method that takes one value and returns its replacement. */
  static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";

  /**
   * @param owner the class being rewritten (internal name)
   * @param frames whether the class file carries stack map frames (version 50 and later)
   * @param next the writer's visitor for this method
   * @return {@code next}, or a visitor that inserts the hook and passes everything on to it
   */
  abstract MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next);

  /**
   * {@code next}, or, when the instance method has a parameter of type {@code parameter} (a
   * descriptor), a visitor that first replaces that argument with what the bridge method {@code
   * bridgeMethod} (of descriptor {@code bridgeDescriptor}) returns for it. With {@code passType}
   * the bridge also gets the parameter's class and returns an {@code Object}, cast back here;
   * without, it returns the parameter's own type.
   */
  static MethodVisitor replacingArgument(MethodVisitor next, String descriptor, String parameter,
      String bridgeMethod, String bridgeDescriptor, boolean passType) {
    int slot = 1;
    int found = -1;
    for (Type argument : Type.getArgumentTypes(descriptor)) {
      if (argument.getDescriptor().equals(parameter)) {
        found = slot;
      }
      slot += argument.getSize();
    }
    if (found < 0) {
      return next;
    }
    int argumentSlot = found;
    Type type = Type.getType(parameter);
    return new MethodVisitor(Opcodes.ASM9, next) {
      @Override
      public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, argumentSlot);
        if (passType) {
          super.visitLdcInsn(type);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, bridgeDescriptor, false);
        if (passType) {
          super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
        }
        super.visitVarInsn(Opcodes.ASTORE, argumentSlot);
      }

      @Override
      public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(Math.max(maxStack, 2), maxLocals);
      }
    };
  }

  /** Whether a method has a body to rewrite (neither abstract nor native). */
  static boolean hasBody(int access) {
    return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
  }

  /** A concrete instance method taking exactly one reference argument. */
  static boolean oneReferenceArgument(int access, String descriptor) {
    if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
      return false;
    }
    Type[] arguments = Type.getArgumentTypes(descriptor);
    return arguments.length == 1 && arguments[0].getSort() == Type.OBJECT;
  }
}

package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts a bridge call just before each call, inside the hooked class, of its own hooked method
 * (an instance method taking one reference, which is on top of the stack there):
 *
 * <pre>
 *   DUP; INVOKESTATIC RedactionBridge.prepareX(argument)   // stack-neutral, never throws
 *   INVOKEVIRTUAL Owner.hooked(argument)
 * </pre>
 *
 * <p>So the event is redacted before the hooked method starts, whatever code another agent put at
 * its start and in whichever order the agents' transformers ran: OpenTelemetry's log export reads
 * the event at the start of the same methods. No branch, handler or local is added, so no frame
 * changes and retransformation is allowed.
 */
final class BeforeCallHook extends MethodVisitor {
  private final String owner;
  private final String name;
  private final String descriptor;
  private final String bridgeMethod;
  private final String bridgeDescriptor;
  private boolean inserted;

  /**
   * @param owner the hooked class (internal name), also the owner the calls name
   * @param name the hooked method
   * @param descriptor the hooked method's descriptor
   * @param bridgeMethod the {@code RedactionBridge} method to call with the argument
   * @param bridgeDescriptor its descriptor, taking the argument and returning nothing
   */
  BeforeCallHook(
      MethodVisitor next,
      String owner,
      String name,
      String descriptor,
      String bridgeMethod,
      String bridgeDescriptor) {
    super(Opcodes.ASM9, next);
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.bridgeMethod = bridgeMethod;
    this.bridgeDescriptor = bridgeDescriptor;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String callOwner, String callName, String callDescriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKEVIRTUAL
        && callOwner.equals(owner)
        && callName.equals(name)
        && callDescriptor.equals(descriptor)) {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, LogHook.BRIDGE, bridgeMethod, bridgeDescriptor, false);
      inserted = true;
    }
    super.visitMethodInsn(opcode, callOwner, callName, callDescriptor, isInterface);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(inserted ? maxStack + 1 : maxStack, maxLocals);
  }
}

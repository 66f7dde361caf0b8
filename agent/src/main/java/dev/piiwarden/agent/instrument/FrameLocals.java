package dev.piiwarden.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The local variable types of a method's frame at its entry, in ASM's frame notation, for the frames
 * the agent writes by hand around inserted code (computing frames would load classes from inside a
 * transformer).
 */
public final class FrameLocals {
  private FrameLocals() {}

  /**
   * {@code this} (unless static) and the parameters of a method of {@code owner} (an internal name).
   */
  public static Object[] atEntry(String owner, boolean isStatic, Type[] parameters) {
    List<Object> locals = new ArrayList<>(parameters.length + 1);
    if (!isStatic) {
      locals.add(owner);
    }
    for (Type parameter : parameters) {
      switch (parameter.getSort()) {
        case Type.LONG:
          locals.add(Opcodes.LONG);
          break;
        case Type.DOUBLE:
          locals.add(Opcodes.DOUBLE);
          break;
        case Type.FLOAT:
          locals.add(Opcodes.FLOAT);
          break;
        case Type.OBJECT:
        case Type.ARRAY:
          locals.add(parameter.getInternalName());
          break;
        default: // boolean, byte, char, short, int
          locals.add(Opcodes.INTEGER);
          break;
      }
    }
    return locals.toArray();
  }
}

package dev.piiwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * A class's own {@code equals(Object)}, {@code hashCode()} or {@code toString()}, hand-written or
 * generated (Lombok's {@code @Data}). They compare, hash and print the object for whoever calls
 * them: reading its personal data there is no processing activity of its own. A caller that hands
 * the result to a sink has the object's data at that sink already, since a method of an object with
 * personal data returns all of it.
 */
public final class ObjectMethodOverride {
  private ObjectMethodOverride() {}

  /** Whether {@code method} overrides one of those three methods of {@code Object}. */
  public static boolean is(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> parameters = method.getParameters();
    return switch (name) {
      case "hashCode", "toString" -> parameters.isEmpty();
      case "equals" -> parameters.size() == 1
          && parameters.get(0).asType().toString().equals("java.lang.Object");
      default -> false;
    };
  }
}

package dev.piiwarden.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which types can hold a data subject's id: String, CharSequence and its subtypes, primitives,
 * boxed numbers and UUID, and a type variable whose bound one of them meets ({@code ID} of a
 * generic base entity, {@code ID extends Serializable}). On a method, a no-argument accessor
 * returning one of them.
 */
public final class SubjectTypes {
  /** The id types a type variable's bound is tried with. */
  private static final java.util.List<String> ID_TYPES = java.util.List.of("java.lang.String",
      "java.util.UUID", "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte");

  private final Types types;
  private final Elements elements;

  public SubjectTypes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The type that a {@code @DataSubject} element holds: a method's return type, else its own. */
  public static TypeMirror heldType(Element element) {
    return element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
  }

  /** Whether {@code element} can carry {@code @DataSubject}. */
  public boolean isSupported(Element element) {
    if (element.getKind() == ElementKind.METHOD && !((ExecutableElement) element).getParameters().isEmpty()) {
      return false;
    }
    return isSupported(heldType(element));
  }

  /**
   * Whether {@code member}, a {@code @DataSubject} field or accessor declared in {@code container}
   * or a superclass of it, holds an id as a member of {@code container}: {@code ID id} of {@code
   * BaseEntity<ID>} does in {@code Customer extends BaseEntity<String>}.
   */
  public boolean isSupportedAsMemberOf(DeclaredType container, Element member) {
    if (member.getKind() == ElementKind.METHOD && !((ExecutableElement) member).getParameters().isEmpty()) {
      return false;
    }
    TypeMirror held;
    try {
      TypeMirror asMember = types.asMemberOf(container, member);
      held = asMember instanceof ExecutableType method ? method.getReturnType() : asMember;
    } catch (IllegalArgumentException notAMember) {
      held = heldType(member);
    }
    return isSupported(held);
  }

  /** Whether a value of this type can identify a data subject. */
  public boolean isSupported(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    if (type.getKind() == TypeKind.TYPEVAR) {
      // Bound to a type argument elsewhere: it can hold an id when an id type meets its bound.
      TypeMirror bound = types.erasure(((TypeVariable) type).getUpperBound());
      for (String candidate : ID_TYPES) {
        TypeElement id = elements.getTypeElement(candidate);
        if (id != null && types.isAssignable(id.asType(), bound)) {
          return true;
        }
      }
      return false;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (isSubtype(type, "java.lang.CharSequence") || isSameType(type, "java.util.UUID")) {
      return true;
    }
    try {
      TypeKind unboxed = types.unboxedType(type).getKind();
      return unboxed != TypeKind.BOOLEAN && unboxed != TypeKind.CHAR;
    } catch (IllegalArgumentException notBoxed) {
      return false;
    }
  }

  private boolean isSubtype(TypeMirror type, String name) {
    TypeElement target = elements.getTypeElement(name);
    return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }

  private boolean isSameType(TypeMirror type, String name) {
    TypeElement target = elements.getTypeElement(name);
    return target != null && types.isSameType(types.erasure(type), types.erasure(target.asType()));
  }
}

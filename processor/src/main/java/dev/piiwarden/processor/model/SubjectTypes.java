package dev.piiwarden.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which types can hold a data subject's id: String, CharSequence and its subtypes, primitives,
 * boxed numbers and UUID. On a method, a no-argument accessor returning one of them.
 */
public final class SubjectTypes {
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

  /** Whether a value of this type can identify a data subject. */
  public boolean isSupported(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
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

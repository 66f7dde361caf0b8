package dev.piiwarden.processor.model;

import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Names types and methods the way the JVM sees them at run time, so that the agent can rebuild an
 * id from a {@code java.lang.reflect.Method}: erased parameter types written like {@code
 * Class.getTypeName()} ({@code com.acme.Outer$Inner}, {@code java.lang.String[]}, {@code int}).
 */
public final class RuntimeTypeNames {
  private final Types types;
  private final Elements elements;

  public RuntimeTypeNames(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The binary name, e.g. {@code com.acme.Outer$Inner}. */
  public String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  /** The erased type as {@code Class.getTypeName()} writes it. */
  public String typeName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case ARRAY:
        return typeName(((ArrayType) erased).getComponentType()) + "[]";
      case DECLARED:
        return binaryName((TypeElement) ((DeclaredType) erased).asElement());
      default:
        return erased.toString();
    }
  }

  /** {@code name(type,type)}; a constructor is {@code <init>(…)}. */
  public String signature(ExecutableElement method) {
    return method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> typeName(p.asType()))
            .collect(Collectors.joining(",", "(", ")"));
  }

  /** The top-level type that encloses {@code element}, or null for a package or module. */
  public static TypeElement topLevel(Element element) {
    TypeElement top = null;
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        top = type;
      }
    }
    return top;
  }
}

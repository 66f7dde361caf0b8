package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.ConsentRequired;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code @ConsentRequired} on an abstract method (an interface's, an abstract class's), or on an
 * interface or abstract class for the public abstract methods it covers ({@link TypeConsent}: not a
 * {@code toString()} declared again), as the agent enforces it: on the method that implements it. A
 * type passes on its own such methods and those of its supertypes it does not implement itself; a
 * method of a class inherits the requirement of the first one of those (superclass first) it
 * implements, unless a superclass implements it already. So an override of an implementation
 * inherits nothing, even in a class that names the interface again, as the agent does not check it
 * again.
 */
public final class ConsentInheritance {
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, List<ExecutableElement>> open = new HashMap<>();

  public ConsentInheritance(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Forgets what was worked out: at each annotation processing round, in which javac enters the
   * round's classes anew, so the methods kept from an earlier round are not the ones it compares.
   */
  public void forgetRound() {
    open.clear();
  }

  /**
   * The abstract method whose consent requirement {@code method} carries as its implementation;
   * empty for a method that implements none, and for one that is static, private or abstract.
   */
  public Optional<ExecutableElement> implemented(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)
        || method.getModifiers().contains(Modifier.ABSTRACT)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    for (TypeMirror supertype : types.directSupertypes(owner.asType())) {
      for (ExecutableElement required : openOf(supertype)) {
        if (elements.overrides(method, required, owner) && !implementedAbove(owner, required)) {
          return Optional.of(required);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The abstract methods requiring consent that a concrete class gets its implementation of from a
   * superclass that does not implement their type ({@code class Impl extends Helper implements
   * Mailing} with {@code send} only in {@code Helper}), each with that implementation. No method of
   * a class that implements the type implements them, so neither the agent nor the inventory
   * checks consent there.
   */
  public Map<ExecutableElement, ExecutableElement> implementedAside(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind().isInterface()) {
      return Map.of();
    }
    Map<ExecutableElement, ExecutableElement> aside = new LinkedHashMap<>();
    for (ExecutableElement required : openOf(type.asType())) {
      for (TypeMirror superclass = type.getSuperclass(); superclass.getKind() == TypeKind.DECLARED; ) {
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        ExecutableElement implementation = implementationIn(type, element, required);
        if (implementation != null) {
          aside.put(required, implementation);
          break;
        }
        superclass = element.getSuperclass();
      }
    }
    return aside;
  }

  /**
   * The abstract methods requiring consent that {@code type} leaves to what implements it: its own
   * and those of its supertypes it does not implement. For a functional interface, the method a
   * lambda or method reference implements (and any method of {@code Object} it declares again).
   */
  public List<ExecutableElement> leftOpen(TypeMirror type) {
    return openOf(type);
  }

  /** A method {@code declaring} declares that implements {@code required} as a member of {@code type}. */
  private ExecutableElement implementationIn(TypeElement type, TypeElement declaring, ExecutableElement required) {
    for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
      if (concrete(method) && elements.overrides(method, required, type)) {
        return method;
      }
    }
    return null;
  }

  /** What an abstract method {@link #implemented} requires: its own annotation, else its type's. */
  public static ConsentRequired requirementOf(ExecutableElement required) {
    ConsentRequired own = UnresolvedValues.resolved(required, ConsentRequired.class);
    return own != null ? own : UnresolvedValues.resolved(required.getEnclosingElement(), ConsentRequired.class);
  }

  private List<ExecutableElement> openOf(TypeMirror supertype) {
    if (supertype.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    TypeElement type = (TypeElement) ((DeclaredType) supertype).asElement();
    List<ExecutableElement> cached = open.get(type);
    if (cached != null) {
      return cached;
    }
    open.put(type, List.of()); // a hierarchy that leads back to the type ends here
    List<ExecutableElement> passedOn = new ArrayList<>();
    boolean onType = UnresolvedValues.resolved(type, ConsentRequired.class) != null;
    List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
    for (ExecutableElement method : methods) {
      boolean required = UnresolvedValues.resolved(method, ConsentRequired.class) != null
          || (onType && TypeConsent.covers(method));
      if (method.getModifiers().contains(Modifier.ABSTRACT) && required
          && requirementOf(method).value().length > 0) {
        passedOn.add(method);
      }
    }
    for (TypeMirror next : types.directSupertypes(type.asType())) {
      for (ExecutableElement required : openOf(next)) {
        if (!passedOn.contains(required) && !implementedIn(type, methods, required)
            && !implementedAbove(type, required)) {
          passedOn.add(required);
        }
      }
    }
    List<ExecutableElement> result = List.copyOf(passedOn);
    open.put(type, result);
    return result;
  }

  /**
   * Whether a superclass of {@code type} implements {@code required} already: a subclass that names
   * the interface again (as a proxy class does) is then not the first implementation.
   */
  private boolean implementedAbove(TypeElement type, ExecutableElement required) {
    for (TypeMirror superclass = type.getSuperclass(); superclass.getKind() == TypeKind.DECLARED; ) {
      TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
      if (implementedIn(element, ElementFilter.methodsIn(element.getEnclosedElements()), required)) {
        return true;
      }
      superclass = element.getSuperclass();
    }
    return false;
  }

  private boolean implementedIn(TypeElement type, List<ExecutableElement> methods, ExecutableElement required) {
    for (ExecutableElement method : methods) {
      if (concrete(method) && elements.overrides(method, required, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean concrete(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.ABSTRACT) && !method.getModifiers().contains(Modifier.STATIC)
        && !method.getModifiers().contains(Modifier.PRIVATE);
  }
}

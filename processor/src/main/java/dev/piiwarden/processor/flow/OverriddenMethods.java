package dev.piiwarden.processor.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The methods a method overrides or implements, in all its supertypes, as ids. */
final class OverriddenMethods {
  private final Elements elements;
  private final Types types;
  private final FlowContext context;

  OverriddenMethods(Elements elements, Types types, FlowContext context) {
    this.elements = elements;
    this.types = types;
    this.context = context;
  }

  List<String> of(ExecutableElement method) {
    List<String> overridden = new ArrayList<>();
    for (ExecutableElement candidate : overriddenBy(method, elements, types)) {
      overridden.add(context.methodId(candidate));
    }
    return overridden;
  }

  /** The methods {@code method} overrides or implements, in all its supertypes, nearest first. */
  static List<ExecutableElement> overriddenBy(ExecutableElement method, Elements elements, Types types) {
    if (method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return List.of();
    }
    List<ExecutableElement> overridden = new ArrayList<>();
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(owner.asType()));
    while (!pending.isEmpty()) {
      TypeMirror supertype = pending.pop();
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement type = (TypeElement) ((DeclaredType) supertype).asElement();
      if (!seen.add(type)) {
        continue;
      }
      for (ExecutableElement candidate : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && candidate.getParameters().size() == method.getParameters().size()
            && elements.overrides(method, candidate, owner)) {
          overridden.add(candidate);
        }
      }
      pending.addAll(types.directSupertypes(supertype));
    }
    return overridden;
  }
}

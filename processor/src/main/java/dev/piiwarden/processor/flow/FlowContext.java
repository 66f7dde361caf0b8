package dev.piiwarden.processor.flow;

import com.sun.source.util.Trees;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * What the analysis of every class in one compilation shares: javac's trees, the sink matcher, the
 * personal data index and the callee cache.
 */
final class FlowContext {
  private final Trees trees;
  private final Types types;
  private final RuntimeTypeNames names;
  private final PersonalDataIndex index;
  private final SinkMatcher sinks;
  private final ContainerTypes containers;
  private final Map<ExecutableElement, Callee> callees = new HashMap<>();
  private final Predicate<String> projectType;
  /** Per top-level class: whether it is the project's. */
  private final Map<TypeElement, Boolean> seen = new HashMap<>();

  FlowContext(Trees trees, Types types, RuntimeTypeNames names, PersonalDataIndex index, SinkMatcher sinks,
      Predicate<String> projectType) {
    this.projectType = projectType;
    this.trees = trees;
    this.types = types;
    this.names = names;
    this.index = index;
    this.sinks = sinks;
    this.containers = new ContainerTypes(types);
  }

  ContainerTypes containers() {
    return containers;
  }

  Trees trees() {
    return trees;
  }

  Types types() {
    return types;
  }

  PersonalDataIndex index() {
    return index;
  }

  SinkMatcher sinks() {
    return sinks;
  }

  String methodId(ExecutableElement method) {
    return callee(method).id();
  }

  Callee callee(ExecutableElement method) {
    Callee known = callees.get(method);
    if (known == null) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      String binaryName = names.binaryName(owner);
      TypeKind returns = method.getReturnType().getKind();
      boolean carries = ValuePropagation.resultCarriesArguments(method);
      boolean library = isLibrary(binaryName);
      known = new Callee(
          binaryName + "#" + names.signature(method),
          method.getSimpleName().toString(),
          owner,
          library,
          returns == TypeKind.VOID || returns == TypeKind.BOOLEAN,
          carries,
          carries && ValuePropagation.receiverCollectsArguments(method),
          !library && !seen(owner));
      callees.put(method, known);
    }
    return known;
  }

  /** Whether the class declaring a method is the project's, whose methods summaries describe. */
  private boolean seen(TypeElement owner) {
    TypeElement topLevel = RuntimeTypeNames.topLevel(owner);
    if (topLevel == null) {
      return true;
    }
    return seen.computeIfAbsent(topLevel, type -> projectType.test(names.binaryName(type)));
  }

  private static boolean isLibrary(String binaryName) {
    return binaryName.startsWith("java.") || binaryName.startsWith("javax.") || binaryName.startsWith("jdk.")
        || binaryName.startsWith("sun.") || binaryName.startsWith("com.sun.");
  }
}

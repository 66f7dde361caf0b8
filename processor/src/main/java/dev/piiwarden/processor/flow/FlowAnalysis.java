package dev.piiwarden.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.processor.model.RuntimeTypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Analyses the bodies of attributed top-level classes, one compilation's worth: the sink catalogue
 * is resolved once and the caches live as long as this object.
 */
public final class FlowAnalysis {
  private final FlowContext context;
  private final OverriddenMethods overridden;
  private final ReturnedData returned;

  /**
   * @param projectType whether a top-level class, by binary name, is the project's: compiled here, or
   *     described by an inventory fragment on the class path (its module was compiled with PII Warden).
   *     What other classes' methods return is unknown, and taken to be what they were handed.
   * @param onClassPath the summaries of a top-level class, by binary name, in its fragment on the
   *     class path, for a class not compiled here; empty when there is none
   */
  public FlowAnalysis(Trees trees, Types types, Elements elements, RuntimeTypeNames names, SinkCatalogue catalogue,
      Predicate<String> projectType, Function<String, List<MethodSummary>> onClassPath) {
    this.returned = new ReturnedData(onClassPath);
    this.context = new FlowContext(trees, types, names, new PersonalDataIndex(names, elements, types),
        new SinkMatcher(catalogue, types, elements), projectType);
    this.overridden = new OverriddenMethods(elements, types, context);
  }

  /** The category of a data element the analysis has met, by id; null for one it has not. */
  public String categoryOf(String id) {
    return context.index().category(id);
  }

  /** Analyses {@code topLevel}, declared in {@code unit}; null when its tree is not in the unit. */
  public ClassFlow analyze(CompilationUnitTree unit, TypeElement topLevel) {
    TreePath unitPath = new TreePath(unit);
    for (Tree declaration : unit.getTypeDecls()) {
      if (!(declaration instanceof ClassTree)) {
        continue;
      }
      TreePath classPath = new TreePath(unitPath, declaration);
      Element element = context.trees().getElement(classPath);
      if (topLevel.equals(element)) {
        BodyScanner scanner = new BodyScanner(context, unit);
        Map<ExecutableElement, MethodFacts> methods = scanner.analyze(classPath);
        returned.settle(methods.values());
        for (MethodFacts facts : methods.values()) {
          facts.returnedToSinks(returned.returnedToSinks(facts, unit));
        }
        return new ClassFlow(methods, summaries(methods), scanner.erroneous(), scanner.unrecordedPersonalData(),
            scanner.privateCallers());
      }
    }
    return null;
  }

  /**
   * Once every class is analysed: has {@code checks} report the log and console sinks reached by
   * what methods analysed after their callers return.
   */
  public void checkLateSinks(FlowChecks checks) {
    checks.lateSinks(returned.lateSinks());
  }

  private List<MethodSummary> summaries(Map<ExecutableElement, MethodFacts> methods) {
    List<MethodSummary> summaries = new ArrayList<>();
    for (MethodFacts facts : methods.values()) {
      List<String> overrides = overridden.of(facts.method());
      // an accessor that implements an interface's getter says what it returns, for the calls
      // made through the interface; its own callers read the element itself
      ReturnValue returned = facts.returnValue();
      if (returned == null && !overrides.isEmpty()) {
        returned = facts.accessorReturnValue();
      }
      if (facts.needsSummary() || returned != null) {
        // a method that overrides others names its class's supertypes: a call through one may run it
        // and the type arguments it gives them: a call through a PlainAttr<Group> does not run it
        TypeElement owner = (TypeElement) facts.method().getEnclosingElement();
        List<String> supertypes = overrides.isEmpty() ? List.of() : context.supertypes(owner, null);
        Map<String, List<String>> supertypeArguments =
            overrides.isEmpty() ? Map.of() : context.supertypeArguments(owner);
        summaries.add(new MethodSummary(facts.id(), overrides, facts.passes(),
            facts.parameterSinks(), returned, facts.resultSinks(), supertypes, supertypeArguments));
      }
    }
    return summaries;
  }
}

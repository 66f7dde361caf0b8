package dev.piiwarden.processor.flow;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.core.redaction.PlainTextCoverage;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;

/**
 * The checks of method bodies, each on the line of the read or call: purpose limitation (PW016),
 * consent-based data read without covering consent (PW017), personal data reaching a log or the
 * console (PW018); personal data declared where nothing can record it (PW024). Messages name methods, elements and keys, never values. Reads of a class's own
 * fields by its own methods are not checked for purposes or consent.
 */
public final class FlowChecks {
  private final Taxonomy taxonomy;
  private final DiagnosticReporter reporter;
  private final Trees trees;
  private final Function<String, String> categoryOf;
  /** The log and console calls reported so far: a call gets one PW018. */
  private final Set<Tree> reportedCalls = new HashSet<>();

  /**
   * @param categoryOf the category of a data element by id, null when unknown: it decides what
   *     PW018 says the agent's redaction does for that element
   */
  public FlowChecks(Taxonomy taxonomy, DiagnosticReporter reporter, Trees trees,
      Function<String, String> categoryOf) {
    this.taxonomy = taxonomy;
    this.reporter = reporter;
    this.trees = trees;
    this.categoryOf = categoryOf;
  }

  /**
   * Checks what {@code facts} shows the method of {@code activity} doing. A private method that
   * only methods requiring a covering consent call ({@code callers}, by {@code consentOf}: the
   * purposes a method's consent is asked for, null for none) reads consent-based data under
   * their consent.
   */
  public void check(Activity activity, MethodFacts facts, CompilationUnitTree unit, PrivateCallers callers,
      Function<ExecutableElement, List<String>> consentOf) {
    List<String> actingFor = mostSpecific(activity.purposes());
    String ownPrefix = activity.type() + "#";
    for (MethodFacts.Read read : facts.reads()) {
      if (read.data().id().startsWith(ownPrefix)) {
        continue; // a class's own methods (equals, toString, setters) handle its fields for every purpose
      }
      List<String> collectedFor = List.of(read.data().annotation().purposes());
      purposeLimitation(activity, actingFor, collectedFor, read, unit);
      consentBasis(activity, collectedFor, read, unit, facts.method(), callers, consentOf);
    }
    sinks(facts, unit);
  }

  /**
   * PW018 for the method's log and console sinks: those of data it reads itself, then those of data
   * a call hands back to it, on the lines not already reported.
   */
  public void sinks(MethodFacts facts, CompilationUnitTree unit) {
    Set<Tree> reported = new HashSet<>();
    for (MethodFacts.SinkCall sink : perCall(facts.sinkCalls())) {
      reported.add(sink.tree());
      reportedCalls.add(sink.tree());
      reportLogged(sink, unit);
    }
    for (MethodFacts.SinkCall sink : perCall(facts.returnedToSinks())) {
      if (reported.add(sink.tree())) {
        reportedCalls.add(sink.tree());
        reportLogged(sink, unit);
      }
    }
  }

  /** A log or console call, by its tree, sink kind and target: one PW018 each. */
  private record Call(Tree tree, SinkKind kind, String target) {}

  /**
   * The log and console sinks of {@code sinks}, one per call: the elements that reach one call by
   * different paths (through two fields of an object, each known when the compilation ends) are
   * listed in one warning. An element counts as rendered by its annotations only when every path
   * hands it so.
   */
  private static List<MethodFacts.SinkCall> perCall(List<MethodFacts.SinkCall> sinks) {
    Map<Call, MethodFacts.SinkCall> byCall = new LinkedHashMap<>();
    for (MethodFacts.SinkCall sink : sinks) {
      if (toLog(sink)) {
        byCall.merge(new Call(sink.tree(), sink.record().kind(), sink.record().target()), sink, FlowChecks::merged);
      }
    }
    return List.copyOf(byCall.values());
  }

  private static MethodFacts.SinkCall merged(MethodFacts.SinkCall first, MethodFacts.SinkCall second) {
    Set<String> elements = new LinkedHashSet<>(first.record().elements());
    elements.addAll(second.record().elements());
    Set<String> rendered = new HashSet<>();
    for (String element : elements) {
      boolean inFirst = first.record().elements().contains(element);
      boolean inSecond = second.record().elements().contains(element);
      if ((!inFirst || first.rendered().contains(element)) && (!inSecond || second.rendered().contains(element))) {
        rendered.add(element);
      }
    }
    SinkRecord record = first.record();
    return new MethodFacts.SinkCall(new SinkRecord(record.kind(), record.target(), record.line(),
        List.copyOf(elements), record.confidence()), first.tree(), Set.copyOf(rendered));
  }

  /** PW024 for each member of a local or anonymous class of {@code analysed} marked {@code @PersonalData}. */
  public void unrecorded(ClassFlow analysed, CompilationUnitTree unit) {
    for (Tree member : analysed.unrecordedPersonalData()) {
      String name;
      ModifiersTree modifiers;
      if (member instanceof MethodTree method) {
        name = method.getName() + "()";
        modifiers = method.getModifiers();
      } else {
        name = ((VariableTree) member).getName().toString();
        modifiers = ((VariableTree) member).getModifiers();
      }
      Tree at = member; // on the annotation, as the checks of declarations report
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        if (annotation.getAnnotationType().toString().endsWith("PersonalData")) {
          at = annotation;
        }
      }
      reporter.report(Message.PW024, trees, at, unit, name);
    }
  }

  /** PW018 for sinks found when the compilation ended (their callees were analysed after them). */
  void lateSinks(List<ReturnedData.LateSink> sinks) {
    Map<Tree, CompilationUnitTree> units = new HashMap<>();
    List<MethodFacts.SinkCall> calls = new ArrayList<>();
    for (ReturnedData.LateSink sink : sinks) {
      units.putIfAbsent(sink.call().tree(), sink.unit());
      calls.add(sink.call());
    }
    for (MethodFacts.SinkCall call : perCall(calls)) {
      if (reportedCalls.add(call.tree())) { // not reported when its method was analysed
        reportLogged(call, units.get(call.tree()));
      }
    }
  }

  private static boolean toLog(MethodFacts.SinkCall sink) {
    return sink.record().kind() == SinkKind.LOG || sink.record().kind() == SinkKind.CONSOLE;
  }

  private void reportLogged(MethodFacts.SinkCall sink, CompilationUnitTree unit) {
    reporter.report(Message.PW018, trees, sink.tree(), unit,
        String.join(", ", sink.record().elements()), sink.record().kind(), sink.record().target(),
        redaction(sink.record().kind(), sink.record().elements(), sink.rendered()));
  }

  /** The agent redacts System.out and System.err only when asked: it is off by default. */
  private static final String CONSOLE_OPTION =
      "The PII Warden agent redacts console output only with piiwarden.redaction.stdout=true (off by default)";

  /**
   * What the agent does with the elements at a sink of {@code kind}. A log call's annotated object
   * is rendered by its annotations, whatever its categories ({@code rendered}: the elements that
   * reach a log call only that way); a value logged on its own, and any console output, is
   * redacted only where a detector recognises it in the text, which depends on the category
   * ({@link PlainTextCoverage}): said for each element that is not always found.
   */
  private String redaction(SinkKind kind, List<String> elements, Set<String> rendered) {
    List<String> limits = new ArrayList<>();
    for (String element : elements) {
      if (kind == SinkKind.LOG && rendered.contains(element)) {
        continue; // inside an annotated object handed whole: rendered by its annotations
      }
      String category = categoryOf.apply(element);
      PlainTextCoverage coverage = PlainTextCoverage.of(category);
      String named = category == null ? element : element + " (" + category + ")";
      switch (coverage.extent()) {
        case SOME_FORMS -> limits.add(named + " only " + coverage.forms());
        case NEVER -> limits.add(category == null ? named + " only where a detector recognises it" : named + " never");
        default -> { }
      }
    }
    boolean console = kind == SinkKind.CONSOLE;
    if (limits.isEmpty()) {
      return console ? CONSOLE_OPTION + "; without it nothing does."
          : "The PII Warden agent redacts it at run time; without the agent nothing does.";
    }
    String found = "only where a detector recognises it: " + String.join(", ", limits) + ".";
    return console
        ? CONSOLE_OPTION + ", and then finds a value " + found + " Without it nothing does."
        : "The PII Warden agent redacts an annotated object logged whole by its annotations, but a value"
            + " logged on its own " + found + " Without the agent nothing does.";
  }

  private void purposeLimitation(Activity activity, List<String> actingFor, List<String> collectedFor,
      MethodFacts.Read read, CompilationUnitTree unit) {
    if (collectedFor.isEmpty()) {
      return; // no purposes declared: nothing to limit
    }
    List<String> uncovered = new ArrayList<>();
    for (String purpose : actingFor) {
      if (!taxonomy.coversAny(TaxonomyKind.PURPOSE, collectedFor, purpose)) {
        uncovered.add(purpose);
      }
    }
    if (!uncovered.isEmpty()) {
      reporter.report(Message.PW016, trees, read.tree(), unit,
          activity.id(), quoted(uncovered), read.data().id(), quoted(collectedFor));
    }
  }

  private void consentBasis(Activity activity, List<String> collectedFor, MethodFacts.Read read,
      CompilationUnitTree unit, ExecutableElement method, PrivateCallers callers,
      Function<ExecutableElement, List<String>> consentOf) {
    if (read.data().annotation().basis() != LawfulBasis.CONSENT) {
      return;
    }
    if (activity.consent() != null && covered(activity.consent().purposes(), collectedFor)) {
      return;
    }
    if (callers.covered(method, consentOf, consented -> covered(consented, collectedFor))) {
      return; // a private helper that runs only under its callers' consent
    }
    reporter.report(Message.PW017, trees, read.tree(), unit, activity.id(), read.data().id(),
        collectedFor.isEmpty() ? "no declared purpose" : quoted(collectedFor));
  }

  /** A consent covers the data when one of its purposes is, or is related to, one it was collected for. */
  private boolean covered(List<String> consented, List<String> collectedFor) {
    if (consented.isEmpty()) {
      return false;
    }
    if (collectedFor.isEmpty()) {
      return true;
    }
    for (String consent : consented) {
      for (String purpose : collectedFor) {
        if (taxonomy.covers(TaxonomyKind.PURPOSE, consent, purpose)
            || taxonomy.covers(TaxonomyKind.PURPOSE, purpose, consent)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The purposes that no other listed purpose refines: acting for {@code marketing.communications.email}
   * is acting for {@code marketing.communications} too, so only the first is checked.
   */
  private List<String> mostSpecific(List<String> purposes) {
    List<String> specific = new ArrayList<>();
    for (String purpose : purposes) {
      boolean refined = false;
      for (String other : purposes) {
        if (!other.equals(purpose) && taxonomy.covers(TaxonomyKind.PURPOSE, purpose, other)) {
          refined = true;
          break;
        }
      }
      if (!refined) {
        specific.add(purpose);
      }
    }
    return specific;
  }

  private static String quoted(List<String> keys) {
    return keys.stream().map(k -> "\"" + k + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }
}

package dev.piiwarden.core.policy;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.ParameterSink;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks an inventory against a policy. Each rule is evaluated on what its type is about: sink calls
 * (a sink call in an activity, with every element that reaches it directly or through a flow),
 * data elements, or activities. Findings are sorted by file, line and rule.
 */
public final class PolicyCheck {
  private final Inventory inventory;
  private final Taxonomy taxonomy;
  private final Map<String, DataElement> elements;
  private final Map<String, Activity> activities;
  private final SourceFiles files;

  private PolicyCheck(Inventory inventory, List<DataElement> declaredElsewhere, Taxonomy taxonomy) {
    this.inventory = inventory;
    this.taxonomy = taxonomy;
    // The inventory's own declaration of an id comes first, so it wins over one declared elsewhere.
    this.elements = Stream.concat(inventory.dataElements().stream(), declaredElsewhere.stream())
        .collect(Collectors.toMap(DataElement::id, Function.identity(), (a, b) -> a, TreeMap::new));
    this.activities = inventory.activities().stream()
        .collect(Collectors.toMap(Activity::id, Function.identity(), (a, b) -> a, TreeMap::new));
    this.files = new SourceFiles(inventory);
  }

  /** The findings of every rule of the policy on the inventory. */
  public static List<Finding> run(Policy policy, Inventory inventory, Taxonomy taxonomy) {
    return run(policy, inventory, List.of(), taxonomy);
  }

  /**
   * The findings of every rule of the policy on an inventory whose activities read data elements
   * declared elsewhere (a dependency's entities). {@code declaredElsewhere} gives those elements'
   * categories, purposes and subjects to the rules on sink calls and activities; the rules on data
   * elements are not applied to them, which is for the inventory that declares them.
   */
  public static List<Finding> run(Policy policy, Inventory inventory, List<DataElement> declaredElsewhere,
      Taxonomy taxonomy) {
    PolicyCheck check = new PolicyCheck(inventory, declaredElsewhere, taxonomy);
    List<Finding> findings = new ArrayList<>();
    for (PolicyRule rule : policy.rules()) {
      switch (rule.type()) {
        case DENY_SINK -> check.denySink(rule, findings);
        case DENY_PURPOSE -> check.denyPurpose(rule, findings);
        case REQUIRE_RETENTION, REQUIRE_BASIS -> check.requireOnElements(rule, findings);
        case REQUIRE_CONSENT -> check.requireConsent(rule, findings);
        case REQUIRE_PURPOSE -> check.requirePurpose(rule, findings);
      }
    }
    findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
        .thenComparing(f -> f.rule().id()).thenComparing(Finding::message));
    return findings;
  }

  /** The number of findings at a level. */
  public static long count(List<Finding> findings, Level level) {
    return findings.stream().filter(f -> f.rule().level() == level).count();
  }

  private boolean applies(PolicyRule rule, Collection<String> categories, Collection<String> purposes,
      Collection<String> subjects) {
    return (rule.categories() == null || rule.categories().test(taxonomy, categories))
        && (rule.purposes() == null || rule.purposes().test(taxonomy, purposes))
        && (rule.subjects() == null || rule.subjects().test(taxonomy, subjects));
  }

  // A sink call: the method making it, the sink, its line, and the elements reaching it by origin: the
  // activity whose purposes apply to them (the method itself, or for a flow the first method on its
  // path, where the data was read). One call reached from several origins is one call, found once.
  private record SinkCall(String method, SinkKind kind, String target, int[] line,
      Map<String, Set<String>> origins) {}

  private Collection<SinkCall> sinkCalls() {
    Map<String, SinkCall> calls = new TreeMap<>();
    for (Activity activity : inventory.activities()) {
      for (SinkRecord sink : activity.sinks()) {
        SinkCall call = call(calls, activity.id(), sink.kind(), sink.target());
        call.line()[0] = sink.line() > 0 ? sink.line() : call.line()[0];
        call.origins().computeIfAbsent(activity.id(), k -> new TreeSet<>()).addAll(sink.elements());
      }
    }
    Map<String, MethodSummary> summaries = inventory.summaries().stream()
        .collect(Collectors.toMap(MethodSummary::method, Function.identity(), (a, b) -> a));
    for (Flow flow : inventory.flows()) {
      String last = flow.path().isEmpty() ? SourceFiles.typeOf(flow.element()) : flow.path().get(flow.path().size() - 1);
      String first = flow.path().isEmpty() ? last : flow.path().get(0);
      SinkCall call = call(calls, last, flow.sink(), flow.target());
      if (call.line()[0] == 0) {
        call.line()[0] = sinkLine(summaries.get(last), flow);
      }
      call.origins().computeIfAbsent(first, k -> new TreeSet<>()).add(flow.element());
    }
    return calls.values();
  }

  private static SinkCall call(Map<String, SinkCall> calls, String method, SinkKind kind, String target) {
    return calls.computeIfAbsent(method + "|" + kind + "|" + target,
        k -> new SinkCall(method, kind, target, new int[1], new TreeMap<>()));
  }

  // The line of the flow's sink call in the method that makes it, as its summary records it; 0 if none does.
  private static int sinkLine(MethodSummary summary, Flow flow) {
    if (summary == null) {
      return 0;
    }
    return Stream.concat(
            summary.sinks().stream().filter(s -> s.kind() == flow.sink() && s.target().equals(flow.target())
                    && s.reaches(flow.element()))
                .map(ParameterSink::line),
            summary.resultSinks().stream().filter(s -> s.kind() == flow.sink() && s.target().equals(flow.target()))
                .map(ResultSink::line))
        .mapToInt(Integer::intValue).filter(l -> l > 0).min().orElse(0);
  }

  private void denySink(PolicyRule rule, List<Finding> findings) {
    for (SinkCall call : sinkCalls()) {
      if (!rule.sinks().contains(call.kind())) {
        continue;
      }
      // The origins whose data and purposes the rule is about, with the elements it names for each.
      Map<String, List<DataElement>> matching = new TreeMap<>();
      call.origins().forEach((origin, ids) -> {
        List<DataElement> reaching = ids.stream().map(elements::get).filter(e -> e != null).toList();
        Activity activity = activities.get(origin);
        List<String> purposes = activity == null ? List.of() : activity.purposes();
        if (!reaching.isEmpty()
            && applies(rule, categories(reaching), purposes, reaching.stream().map(DataElement::subject).toList())) {
          // Name the elements the rule is about, not every element of the call.
          List<DataElement> named = reaching.stream()
              .filter(e -> rule.categories().matches() == Match.NONE || rule.categories().covers(taxonomy, e.category()))
              .toList();
          matching.put(origin, named.isEmpty() ? reaching : named);
        }
      });
      if (matching.isEmpty()) {
        continue;
      }
      Set<String> own = matching.getOrDefault(call.method(), List.of()).stream().map(DataElement::id)
          .collect(Collectors.toSet());
      // Callers are named where they bring data the method does not read itself.
      List<String> readIn = matching.entrySet().stream()
          .filter(e -> !e.getKey().equals(call.method()))
          .filter(e -> e.getValue().stream().anyMatch(d -> !own.contains(d.id())))
          .map(Map.Entry::getKey).toList();
      Map<String, DataElement> named = new TreeMap<>();
      matching.values().forEach(those -> those.forEach(e -> named.put(e.id(), e)));
      String message = String.join(", ", named.values().stream().map(e -> e.category() + " (" + e.id() + ")").toList())
          + " reaches " + call.kind() + " through " + call.target() + " in " + call.method()
          + (readIn.isEmpty() ? "" : ", read in " + String.join(", ", readIn))
          + ": " + rule.description();
      Activity caller = activities.get(call.method());
      int line = call.line()[0] > 0 || caller == null ? call.line()[0] : caller.declarationLine();
      findings.add(new Finding(rule, message, files.of(SourceFiles.typeOf(call.method())), line, call.method()));
    }
  }

  private void denyPurpose(PolicyRule rule, List<Finding> findings) {
    for (DataElement element : inventory.dataElements()) {
      if (applies(rule, List.of(element.category()), element.purposes(), List.of(element.subject()))) {
        findings.add(elementFinding(rule, element, element.category() + " in " + element.id() + " is collected for "
            + String.join(", ", matchedPurposes(rule, element.purposes()))));
      }
    }
    for (Activity activity : activities.values()) {
      List<DataElement> read = read(activity);
      if (!read.isEmpty() && applies(rule, categories(read), activity.purposes(), subjects(read))) {
        findings.add(activityFinding(rule, activity, activity.id() + " acts for "
            + String.join(", ", matchedPurposes(rule, activity.purposes())) + " and reads "
            + String.join(", ", matchedCategories(rule, read))));
      }
    }
  }

  private void requireOnElements(PolicyRule rule, List<Finding> findings) {
    for (DataElement element : inventory.dataElements()) {
      if (!applies(rule, List.of(element.category()), element.purposes(), List.of(element.subject()))) {
        continue;
      }
      if (rule.type() == RuleType.REQUIRE_RETENTION && element.retention() == null) {
        findings.add(elementFinding(rule, element, element.id() + " (" + element.category()
            + ") declares no retention; add @PersonalData(retention = \"P…\")"));
      } else if (rule.type() == RuleType.REQUIRE_BASIS && !basisAccepted(rule, element.basis())) {
        findings.add(elementFinding(rule, element, element.id() + " (" + element.category() + ") has basis "
            + element.basis() + (rule.bases().isEmpty() ? "; declare one with @PersonalData(basis = …)"
                : "; expected one of " + rule.bases().stream().map(Enum::name).sorted().toList())));
      }
    }
  }

  private static boolean basisAccepted(PolicyRule rule, LawfulBasis basis) {
    return basis != LawfulBasis.UNSPECIFIED && (rule.bases().isEmpty() || rule.bases().contains(basis));
  }

  private void requireConsent(PolicyRule rule, List<Finding> findings) {
    for (Activity activity : activities.values()) {
      List<DataElement> read = read(activity);
      if (activity.purposes().isEmpty() || !applies(rule, categories(read), activity.purposes(), subjects(read))) {
        continue;
      }
      List<String> needing = rule.purposes().matches() == Match.NONE
          ? activity.purposes() : matchedPurposes(rule, activity.purposes());
      List<String> consented = activity.consent() == null ? List.of() : activity.consent().purposes();
      List<String> missing = needing.stream()
          .filter(p -> !taxonomy.coversAny(TaxonomyKind.PURPOSE, consented, p)).toList();
      if (!missing.isEmpty()) {
        findings.add(activityFinding(rule, activity, activity.id() + " acts for " + String.join(", ", missing)
            + (activity.consent() == null ? " without @ConsentRequired" : " but its @ConsentRequired does not cover it")));
      }
    }
  }

  // The categories read that the rule is about (all of them for a rule without categories or with NONE).
  private List<String> matchedCategories(PolicyRule rule, List<DataElement> read) {
    List<String> all = categories(read);
    if (rule.categories() == null || rule.categories().matches() == Match.NONE) {
      return all;
    }
    List<String> matched = all.stream().filter(c -> rule.categories().covers(taxonomy, c)).toList();
    return matched.isEmpty() ? all : matched;
  }

  // The ropa shows such an activity's purposes as not declared, with the purposes its data was collected for.
  private void requirePurpose(PolicyRule rule, List<Finding> findings) {
    for (Activity activity : activities.values()) {
      if (!activity.purposes().isEmpty()) {
        continue;
      }
      List<String> matching = new ArrayList<>();
      for (DataElement element : read(activity)) {
        if (applies(rule, List.of(element.category()), element.purposes(), List.of(element.subject()))
            && (rule.bases().isEmpty() || rule.bases().contains(element.basis()))) {
          List<String> purposes = rule.purposes() == null ? element.purposes() : matchedPurposes(rule, element.purposes());
          matching.add(element.category() + " (" + element.id() + ")"
              + (purposes.isEmpty() ? "" : ", collected for " + String.join(", ", purposes))
              + (element.basis() == LawfulBasis.UNSPECIFIED ? "" : " under " + element.basis()));
        }
      }
      if (!matching.isEmpty()) {
        findings.add(activityFinding(rule, activity, activity.id() + " declares no purposes and reads "
            + String.join("; ", matching)));
      }
    }
  }

  private List<String> matchedPurposes(PolicyRule rule, List<String> purposes) {
    List<String> matched = purposes.stream().filter(p -> rule.purposes().covers(taxonomy, p)).toList();
    return matched.isEmpty() ? purposes : matched;
  }

  private List<DataElement> read(Activity activity) {
    return activity.reads().stream().map(elements::get).filter(e -> e != null).toList();
  }

  private static List<String> categories(List<DataElement> read) {
    return read.stream().map(DataElement::category).distinct().sorted().toList();
  }

  private static List<String> subjects(List<DataElement> read) {
    return read.stream().map(DataElement::subject).distinct().toList();
  }

  private Finding elementFinding(PolicyRule rule, DataElement element, String what) {
    String file = element.source() != null && element.source().file() != null
        ? element.source().file() : files.of(element.type() == null ? SourceFiles.typeOf(element.id()) : element.type());
    int line = element.source() == null ? 0 : element.source().line();
    return new Finding(rule, what + ": " + rule.description(), file, line, element.id());
  }

  // At the method's declaration; an inventory written before activities had a source gives the first
  // sink call's line, else the file alone.
  private Finding activityFinding(PolicyRule rule, Activity activity, String what) {
    int line = activity.declarationLine() > 0 ? activity.declarationLine()
        : activity.sinks().stream().mapToInt(SinkRecord::line).filter(l -> l > 0).min().orElse(0);
    String type = activity.type() == null ? SourceFiles.typeOf(activity.id()) : activity.type();
    return new Finding(rule, what + ": " + rule.description(), files.of(type), line, activity.id());
  }
}

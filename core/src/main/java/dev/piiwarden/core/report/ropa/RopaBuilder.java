package dev.piiwarden.core.report.ropa;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.FlowComputation;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkTargets;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyEntry;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the record of processing activities from an inventory: one row per activity, everything in
 * it derived from the code's declarations and flows, plus what the configuration adds.
 */
public final class RopaBuilder {
  /** What is printed where the code declares nothing. */
  public static final String NOT_DECLARED = "not declared";

  private static final Map<LawfulBasis, String> ARTICLE_6 =
      Map.of(
          LawfulBasis.CONSENT, "Art. 6(1)(a)",
          LawfulBasis.CONTRACT, "Art. 6(1)(b)",
          LawfulBasis.LEGAL_OBLIGATION, "Art. 6(1)(c)",
          LawfulBasis.VITAL_INTERESTS, "Art. 6(1)(d)",
          LawfulBasis.PUBLIC_TASK, "Art. 6(1)(e)",
          LawfulBasis.LEGITIMATE_INTERESTS, "Art. 6(1)(f)");

  // Only the bases that themselves are an Art. 9(2) condition; the others need one stated by people.
  private static final Map<LawfulBasis, String> ARTICLE_9 =
      Map.of(
          LawfulBasis.CONSENT, "Art. 9(2)(a) explicit consent",
          LawfulBasis.VITAL_INTERESTS, "Art. 9(2)(c) vital interests");

  private final Inventory inventory;
  private final Set<String> activityIds = new HashSet<>();
  private final Taxonomy taxonomy;
  private final RopaConfig config;
  private final Map<String, DataElement> elements;
  private final Map<String, MethodSummary> summaries;
  private final Map<String, Set<String>> returned;
  /** The flows each activity answers for ({@link #owner}), worked out once. */
  private final Map<String, List<Flow>> flowsByOwner = new HashMap<>();

  private RopaBuilder(Inventory inventory, Taxonomy taxonomy, RopaConfig config) {
    this.inventory = inventory;
    inventory.activities().forEach(a -> activityIds.add(a.id()));
    this.taxonomy = taxonomy;
    this.config = config;
    this.elements =
        inventory.dataElements().stream().collect(Collectors.toMap(DataElement::id, Function.identity(), (a, b) -> a));
    this.summaries =
        inventory.summaries().stream().collect(Collectors.toMap(MethodSummary::method, Function.identity(), (a, b) -> a));
    this.returned = FlowComputation.returnedElements(inventory);
    for (Flow flow : inventory.flows()) {
      String owner = owner(flow);
      if (owner != null) {
        flowsByOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(flow);
      }
    }
  }

  /**
   * The record of the inventory's activities under the configuration.
   *
   * @throws ConfigException when a recipient or transfer names an activity the inventory lacks
   */
  public static RopaRecord build(Inventory inventory, Taxonomy taxonomy, RopaConfig config) {
    ActivitySelectors.check(config, inventory);
    RopaBuilder builder = new RopaBuilder(inventory, taxonomy, config);
    Map<String, String> titles = ActivityTitles.of(inventory.activities());
    List<RopaActivity> rows = new ArrayList<>();
    for (Activity activity : inventory.activities()) {
      rows.add(builder.row(activity, titles.get(activity.id())));
    }
    // Activities without personal data (SPEC: every method with @ProcessingActivity is one) come last.
    rows.sort(Comparator.comparing((RopaActivity a) -> !a.personalData())
        .thenComparing(RopaActivity::title).thenComparing(RopaActivity::id));
    return new RopaRecord(config.controller(), config.dpo(), config.representative(), rows,
        inventory.withoutBodyAnalysis());
  }

  /**
   * The activities that read data elements the inventory does not hold, declared in another module
   * or a dependency, by their name in the record, with how many: their rows leave that data out.
   */
  public static Map<String, Integer> unresolvedReads(Inventory inventory) {
    Set<String> declared = inventory.dataElements().stream().map(DataElement::id).collect(Collectors.toSet());
    Map<String, Integer> unresolved = new TreeMap<>();
    for (Activity activity : inventory.activities()) {
      int missing = (int) activity.reads().stream().filter(id -> !declared.contains(id)).count();
      if (missing > 0) {
        unresolved.merge(nameOf(activity), missing, Integer::sum);
      }
    }
    return unresolved;
  }

  /** "Newsletter.send" for {@code com.acme.Newsletter#send(com.acme.User)}. */
  public static String fallbackName(Activity activity) {
    String type = activity.type() == null ? activity.id().split("#", 2)[0] : activity.type();
    String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    String method = activity.method() == null ? "" : activity.method();
    int paren = method.indexOf('(');
    return method.isEmpty() ? simple : simple + "." + (paren < 0 ? method : method.substring(0, paren));
  }

  /**
   * The title of each activity's entry, by id: its name, told apart by the method from other
   * activities of the same name ({@code Customer management (CustomerService.register)}).
   */
  public static Map<String, String> titles(List<Activity> activities) {
    return ActivityTitles.of(activities);
  }

  /** The activity's name in the record: its {@code @ProcessingActivity} name, else {@link #fallbackName}. */
  public static String nameOf(Activity activity) {
    return activity.name() == null || activity.name().isBlank() ? fallbackName(activity) : activity.name();
  }

  private RopaActivity row(Activity activity, String title) {
    List<DataElement> read = handled(activity);
    String name = nameOf(activity);
    // The record presents only purposes the code declares for the activity; for one that declares none,
    // the purposes and bases its data was collected for are kept apart, under their own label.
    boolean declares = !activity.purposes().isEmpty();
    List<String> sinks = sinks(activity);
    List<String> parties = parties(activity, name);
    List<String> recipients = new ArrayList<>(sinks);
    recipients.addAll(parties);
    List<String> categories = new ArrayList<>(recipientCategories(activity));
    categories.addAll(parties);
    return new RopaActivity(
        activity.id(),
        name,
        title,
        keyNames(TaxonomyKind.PURPOSE, activity.purposes()),
        declares || activity.consent() != null ? lawfulBases(activity, read) : List.of(NOT_DECLARED),
        declares ? List.of() : keyNames(TaxonomyKind.PURPOSE, read.stream().flatMap(e -> e.purposes().stream()).toList()),
        declares ? List.of() : articles(declaredBases(read)),
        keyNames(TaxonomyKind.SUBJECT, read.stream().map(DataElement::subject).filter(s -> s != null).toList()),
        categories(activity, read),
        recipients,
        categories,
        sinks,
        transfers(activity, name),
        retention(read),
        measures(activity, read, reached(activity)),
        !read.isEmpty() || activity.consent() != null);
  }

  /**
   * The data elements the activity handles: those it reads, those it writes (a login recording the
   * client's address in the event it builds), and those it returns to its callers without reading
   * them itself, such as the user a lookup obtains from its repository and hands on. An activity
   * that obtains or collects personal data processes it, whether or not it reads a member.
   */
  private List<DataElement> handled(Activity activity) {
    Set<String> ids = new TreeSet<>(activity.reads());
    ids.addAll(activity.writes());
    ids.addAll(returned.getOrDefault(activity.id(), Set.of()));
    return ids.stream().map(elements::get).filter(e -> e != null).toList();
  }

  // Known only from the configuration: without its "transfers", the record does not claim there are none.
  private List<String> transfers(Activity activity, String name) {
    if (config.transfers() == null) {
      return List.of(NOT_DECLARED);
    }
    return config.transfers().stream()
        .filter(t -> appliesTo(t.activities(), activity, name)).map(Transfer::describe).toList();
  }

  private List<KeyName> keyNames(TaxonomyKind kind, List<String> keys) {
    return new TreeSet<>(keys).stream()
        .map(key -> new KeyName(key, taxonomy.find(kind, key).map(TaxonomyEntry::name).orElse(key)))
        .toList();
  }

  private static List<String> lawfulBases(Activity activity, List<DataElement> read) {
    Set<LawfulBasis> bases = declaredBases(read);
    if (activity.consent() != null) {
      bases.add(LawfulBasis.CONSENT);
    }
    return bases.isEmpty() ? List.of(NOT_DECLARED) : articles(bases);
  }

  private static List<String> articles(Set<LawfulBasis> bases) {
    return bases.stream().map(b -> b.name() + " (" + ARTICLE_6.get(b) + ")").toList();
  }

  private static Set<LawfulBasis> declaredBases(List<DataElement> read) {
    Set<LawfulBasis> bases = EnumSet.noneOf(LawfulBasis.class);
    for (DataElement element : read) {
      if (element.basis() != LawfulBasis.UNSPECIFIED) {
        bases.add(element.basis());
      }
    }
    return bases;
  }

  private List<CategoryEntry> categories(Activity activity, List<DataElement> read) {
    Map<String, List<DataElement>> byCategory = new TreeMap<>();
    for (DataElement element : read) {
      byCategory.computeIfAbsent(element.category(), k -> new ArrayList<>()).add(element);
    }
    List<CategoryEntry> entries = new ArrayList<>();
    byCategory.forEach(
        (key, those) -> {
          boolean special = taxonomy.isSpecial(key) || those.stream().anyMatch(DataElement::special);
          boolean sensitive = taxonomy.isSensitive(key) || those.stream().anyMatch(DataElement::sensitive);
          String name = taxonomy.find(TaxonomyKind.CATEGORY, key).map(TaxonomyEntry::name).orElse(key);
          entries.add(new CategoryEntry(key, name, special, sensitive, special ? condition(activity, those) : null));
        });
    return entries;
  }

  private static String condition(Activity activity, List<DataElement> those) {
    Set<LawfulBasis> bases = declaredBases(those);
    if (activity.consent() != null) {
      bases.add(LawfulBasis.CONSENT);
    }
    List<String> conditions = bases.stream().map(ARTICLE_9::get).filter(c -> c != null).toList();
    return conditions.isEmpty() ? CategoryEntry.CONDITION_REQUIRED : String.join("; ", conditions);
  }

  // The sink calls: those the activity makes, and those its data reaches through the methods it calls.
  private List<String> sinks(Activity activity) {
    Set<String> sinks = new TreeSet<>();
    for (SinkRecord sink : activity.sinks()) {
      sinks.add(sink.kind() + ": " + sink.target());
    }
    for (Flow flow : flowsFrom(activity)) {
      String via = flow.path().size() > 1 ? " (via " + flow.path().get(flow.path().size() - 1) + ")" : "";
      sinks.add(flow.sink() + ": " + flow.target() + via);
    }
    // A flow that starts and ends here repeats a sink call of the activity.
    sinks.removeIf(s -> s.endsWith("(via " + activity.id() + ")"));
    return List.copyOf(sinks);
  }

  // The categories of recipients of the sinks the activity's data reaches, in the kinds' declaration
  // order; HTTP responses after the services called over HTTP.
  private Collection<String> recipientCategories(Activity activity) {
    Map<Integer, String> categories = new TreeMap<>();
    activity.sinks().forEach(s -> categories.put(SinkTargets.order(s.kind(), s.target()), RecipientCategories.of(s.kind(), s.target())));
    flowsFrom(activity).forEach(f -> categories.put(SinkTargets.order(f.sink(), f.target()), RecipientCategories.of(f.sink(), f.target())));
    return categories.values();
  }

  // The kinds of sink the activity's data reaches, in their declaration order.
  private Set<SinkKind> reached(Activity activity) {
    Set<SinkKind> kinds = EnumSet.noneOf(SinkKind.class);
    activity.sinks().forEach(s -> kinds.add(s.kind()));
    flowsFrom(activity).forEach(f -> kinds.add(f.sink()));
    return kinds;
  }

  /**
   * The flows this activity's record answers for: those whose first activity at or after the
   * flow's turning point is this one, or, when no activity comes from there on, whose last
   * activity before it is (the one that returned the data to the methods that send it on: a
   * rectification returning the user {@code withDetails} built, to a route that sends it out). The turning point is the first method on the path that does not return the data
   * to the next one: a path runs up from the method where the element enters it through the
   * callers each value is returned to ({@code findById} returning a user to {@code find}, {@code
   * find} to {@code erase}), then down through the methods it is passed to. The method at the top
   * chooses where the data goes, so a lookup that only returns a record does not answer for what
   * its callers do with it. The first step may be no activity at all (it handed a whole object on,
   * or stored it in a field, without reading it).
   */
  private List<Flow> flowsFrom(Activity activity) {
    return flowsByOwner.getOrDefault(activity.id(), List.of());
  }

  private String owner(Flow flow) {
    List<String> path = flow.path();
    int top = 0;
    while (top + 1 < path.size() && returnedTo(path.get(top), path.get(top + 1))) {
      top++;
    }
    String owner = firstActivity(path.subList(top, path.size()));
    return owner != null ? owner : lastActivity(path.subList(0, top));
  }

  private String firstActivity(List<String> path) {
    for (String step : path) {
      if (activityIds.contains(step)) {
        return step;
      }
    }
    return null;
  }

  private String lastActivity(List<String> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (activityIds.contains(path.get(i))) {
        return path.get(i);
      }
    }
    return null;
  }

  /**
   * Whether the step from {@code from} to {@code to} on a path is a return: {@code to} uses what a
   * call of {@code from} returns, and {@code from} hands nothing to {@code to} (a method calling
   * itself back both ways is taken as passing the data on).
   */
  private boolean returnedTo(String from, String to) {
    MethodSummary callee = summaries.get(from);
    MethodSummary caller = summaries.get(to);
    if (callee == null || caller == null || calls(callee, to)) {
      return false;
    }
    Set<String> names = new HashSet<>(callee.overrides());
    names.add(from);
    List<CallResult> results = new ArrayList<>();
    caller.passes().forEach(pass -> results.addAll(pass.results()));
    caller.resultSinks().forEach(sink -> results.add(sink.result()));
    if (caller.returns() != null) {
      results.addAll(caller.returns().results());
    }
    return results.stream().anyMatch(result -> names.contains(result.callee()));
  }

  private boolean calls(MethodSummary caller, String method) {
    MethodSummary target = summaries.get(method);
    return caller.passes().stream().anyMatch(pass ->
        pass.callee().equals(method) || target != null && target.overrides().contains(pass.callee()));
  }

  private List<String> parties(Activity activity, String name) {
    List<String> parties = new ArrayList<>();
    for (ThirdParty party : config.recipients()) {
      if (appliesTo(party.activities(), activity, name)) {
        parties.add(party.description() == null ? party.name() : party.name() + ": " + party.description());
      }
    }
    return parties;
  }

  private static boolean appliesTo(List<String> selectors, Activity activity, String name) {
    return selectors.isEmpty() || selectors.contains(activity.id()) || selectors.contains(name);
  }

  /**
   * One line per category and period read ({@code user.contact.email: P2Y}); where the elements of
   * one category are kept for different periods, each line names its elements, so that the record
   * does not seem to contradict itself ({@code user.contact.email: P2Y (com.acme.User#email)}).
   */
  private List<String> retention(List<DataElement> read) {
    Map<String, Map<String, Set<String>>> elementsByPeriod = new TreeMap<>();
    for (DataElement element : read) {
      String period = element.retention();
      if (period == null) {
        period = config.defaultRetention() == null ? NOT_DECLARED : config.defaultRetention();
      }
      elementsByPeriod.computeIfAbsent(element.category(), category -> new TreeMap<>())
          .computeIfAbsent(period, p -> new TreeSet<>()).add(element.id());
    }
    List<String> lines = new ArrayList<>();
    elementsByPeriod.forEach((category, periods) -> periods.forEach((period, elements) ->
        lines.add(category + ": " + period + (periods.size() > 1 ? " (" + String.join(", ", elements) + ")" : ""))));
    lines.sort(null); // as text, as before elements were named
    return lines.isEmpty() ? List.of(NOT_DECLARED) : List.copyOf(lines);
  }

  // Only what the agent does with its defaults is claimed outright: access auditing for consent-gated
  // activities (audit.access=annotated), log redaction by each element's style (PARTIAL keeps the last
  // four characters), and console redaction only as the option it is (redaction.stdout=false).
  private List<String> measures(Activity activity, List<DataElement> read, Set<SinkKind> reached) {
    if (!config.measures().isEmpty()) {
      return config.measures();
    }
    List<String> measures = new ArrayList<>();
    if (!read.isEmpty()) {
      measures.add(redaction(read));
      if (reached.contains(SinkKind.CONSOLE)) {
        measures.add("Console output: System.out and System.err are redacted only when the agent runs with"
            + " piiwarden.redaction.stdout=true (off by default); without it this data is printed as it is");
      }
    }
    if (activity.consent() != null) {
      measures.add(
          "Consent enforcement: the agent checks consent to "
              + String.join(", ", activity.consent().purposes())
              + " before every call and "
              + (activity.consent().onDenied().name().equals("SKIP") ? "skips the processing" : "refuses the call")
              + " without it");
      measures.add(
          "Audit: consent decisions and accesses are written to a tamper-evident (HMAC hash chain) audit trail"
              + " with pseudonymised (HMAC-SHA256) subject ids");
    } else if (!read.isEmpty()) {
      measures.add(
          "Audit: accesses are written to a tamper-evident (HMAC hash chain) audit trail with pseudonymised"
              + " (HMAC-SHA256) subject ids only when the agent runs with piiwarden.audit.access=all; its default"
              + " (annotated) audits the accesses of @ConsentRequired activities only");
    }
    return measures;
  }

  private static String redaction(List<DataElement> read) {
    // A category is only as well kept out as its least redacted element.
    Set<String> partly = read.stream().filter(e -> e.redaction() == Redaction.PARTIAL).map(DataElement::category)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<Redaction> styles = EnumSet.noneOf(Redaction.class);
    Set<String> keptOut = new TreeSet<>();
    for (DataElement element : read) {
      if (!partly.contains(element.category())) {
        styles.add(element.redaction());
        keptOut.add(element.category());
      }
    }
    // The agent knows the data by the annotated objects a log call is given; a bare value is only found
    // by the detectors.
    String partial = "only partly masks " + String.join(", ", partly)
        + " (PARTIAL: the last 4 characters stay readable)";
    String text = "Redaction: where a log record carries the objects holding it, the PII Warden agent "
        + (keptOut.isEmpty() ? partial
            : "keeps " + String.join(", ", keptOut) + " out ("
                + styles.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")"
                + (partly.isEmpty() ? "" : " and " + partial));
    return text + "; detectors mask e-mails, phone numbers, cards, IBANs, IPs, SSNs and credentials in log text";
  }
}

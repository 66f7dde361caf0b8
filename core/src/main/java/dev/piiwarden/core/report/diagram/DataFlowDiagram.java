package dev.piiwarden.core.report.diagram;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkTargets;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.core.report.diagram.DiagramModel.Edge;
import dev.piiwarden.core.report.diagram.DiagramModel.Group;
import dev.piiwarden.core.report.diagram.DiagramModel.Node;
import dev.piiwarden.core.report.diagram.DiagramModel.Style;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the diagram of an inventory: data categories, then activities grouped by class, then sink
 * kinds. It stays readable for large inventories by collapsing instead of drawing every node:
 *
 * <ul>
 *   <li>more than {@code maxCategories} distinct categories: each is shown as its second-level
 *       parent ({@code user.contact} for {@code user.contact.email}), with the element count;
 *   <li>a class with more than {@code maxActivitiesPerClass} activities: one node for the class;
 *   <li>more than {@code maxClasses} classes: one node per package, with its class and activity counts;
 *   <li>always: one node per sink kind (the application's own HTTP responses, {@code HTTP responses},
 *       apart from the services it calls over HTTP), and one edge per pair of nodes labelled with how many reads
 *       or sink calls it stands for.
 * </ul>
 *
 * <p>Then the edge budget: while more than {@code maxEdges} edges run from categories to activities,
 * or from activities to sinks, or there are more than {@code maxNodes} nodes, it collapses further,
 * one step at a time, and keeps the first picture within budget:
 *
 * <ol>
 *   <li>categories to their second-level parent (if not yet);
 *   <li>categories to two nodes, the special categories (GDPR Art. 9/10, still flagged) and the
 *       others, each listing its categories and element counts in a table;
 *   <li>activities to one node per package, then per shorter package prefix ({@code com.acme.*}),
 *       down to the first segment.
 * </ol>
 *
 * @param maxCategories categories shown one by one up to this number
 * @param maxActivitiesPerClass activities shown one by one per class up to this number
 * @param maxClasses classes shown as their own group up to this number
 * @param maxEdges the edge budget of each column: category to activity, and activity to sink
 * @param maxNodes the node budget of the whole diagram
 */
public record DataFlowDiagram(int maxCategories, int maxActivitiesPerClass, int maxClasses, int maxEdges,
    int maxNodes) {
  /** Categories shown one by one up to this number. */
  public static final int MAX_CATEGORIES = 12;
  /** Activities shown one by one per class up to this number. */
  public static final int MAX_ACTIVITIES_PER_CLASS = 4;
  /** Classes shown as their own group up to this number. */
  public static final int MAX_CLASSES = 10;
  /** Edges from categories to activities, and from activities to sinks, each at most this many. */
  public static final int MAX_EDGES = 30;
  /** Nodes in the whole diagram at most this many. */
  public static final int MAX_NODES = 40;

  /** The limits used by the CLI ({@code --detail summary}). */
  public static final DataFlowDiagram DEFAULT =
      new DataFlowDiagram(MAX_CATEGORIES, MAX_ACTIVITIES_PER_CLASS, MAX_CLASSES, MAX_EDGES, MAX_NODES);

  /** Every category and activity drawn, nothing collapsed ({@code --detail full}). */
  public static final DataFlowDiagram FULL = new DataFlowDiagram(Integer.MAX_VALUE, Integer.MAX_VALUE,
      Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  /** How categories are drawn. */
  private enum Categories { ONE_BY_ONE, PARENT, SPECIAL_OR_NOT }

  /**
   * One step of collapsing.
   *
   * @param categories how categories are drawn; ONE_BY_ONE still turns to PARENT above maxCategories
   * @param packageDepth 0: activities by class (or package above maxClasses); n: by the first n
   *     segments of their package
   */
  private record Step(Categories categories, int packageDepth) {}

  /** The diagram of the inventory: the first step within budget, or the most collapsed one. */
  public DiagramModel build(Inventory inventory, Taxonomy taxonomy) {
    Map<String, DataElement> elements = new TreeMap<>();
    inventory.dataElements().forEach(e -> elements.putIfAbsent(e.id(), e));
    Map<String, Activity> activities = new TreeMap<>();
    inventory.activities().forEach(a -> activities.putIfAbsent(a.id(), a));
    int depth = 1;
    for (Activity a : activities.values()) {
      depth = Math.max(depth, packageOf(typeOf(a)).split("\\.").length);
    }
    List<Step> steps = new ArrayList<>(List.of(new Step(Categories.ONE_BY_ONE, 0),
        new Step(Categories.PARENT, 0), new Step(Categories.SPECIAL_OR_NOT, 0)));
    for (int d = depth; d >= 1; d--) {
      steps.add(new Step(Categories.SPECIAL_OR_NOT, d));
    }
    DiagramModel model = null;
    for (Step step : steps) {
      model = build(step, elements, activities, inventory.flows(), taxonomy);
      if (withinBudget(model)) {
        return model;
      }
    }
    return model;
  }

  private boolean withinBudget(DiagramModel model) {
    return model.categoryEdges() <= maxEdges && model.edges().size() - model.categoryEdges() <= maxEdges
        && model.nodeCount() <= maxNodes;
  }

  private DiagramModel build(Step step, Map<String, DataElement> elements, Map<String, Activity> activities,
      List<Flow> flows, Taxonomy taxonomy) {
    Map<String, String> titles = RopaBuilder.titles(List.copyOf(activities.values()));
    // Categories, collapsed when there are too many.
    Set<String> distinct = new TreeSet<>();
    elements.values().forEach(e -> distinct.add(e.category()));
    Categories mode = step.categories() == Categories.ONE_BY_ONE && distinct.size() > maxCategories
        ? Categories.PARENT : step.categories();
    Map<String, List<DataElement>> byCategory = new TreeMap<>();
    for (DataElement e : elements.values()) {
      String key = switch (mode) {
        case ONE_BY_ONE -> e.category();
        case PARENT -> secondLevel(e.category());
        // "0" sorts the special categories first: the flagged node at the top.
        case SPECIAL_OR_NOT -> isSpecial(e, taxonomy) ? "0" : "1";
      };
      byCategory.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    Map<String, String> categoryNode = new LinkedHashMap<>();
    List<Node> categoryNodes = new ArrayList<>();
    byCategory.forEach((key, those) -> {
      String id = "c" + categoryNodes.size();
      boolean special = those.stream().anyMatch(e -> isSpecial(e, taxonomy));
      if (mode == Categories.SPECIAL_OR_NOT) {
        Map<String, Integer> counts = new TreeMap<>();
        those.forEach(e -> counts.merge(e.category(), 1, Integer::sum));
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((category, n) -> rows.add(List.of(category, String.valueOf(n))));
        List<String> lines = List.of(special ? "special categories (GDPR Art. 9/10)" : "personal data",
            plural(counts.size(), "category", "categories") + ", " + plural(those.size(), "element", "elements"));
        categoryNodes.add(new Node(id, lines, special ? Style.SPECIAL : Style.CATEGORY, rows));
      } else {
        List<String> lines = new ArrayList<>(List.of(key));
        lines.add(plural(those.size(), "element", "elements") + (special ? ", special category" : ""));
        categoryNodes.add(new Node(id, lines, special ? Style.SPECIAL : Style.CATEGORY));
      }
      those.forEach(e -> categoryNode.put(e.id(), id));
    });

    // Activities grouped by class, or by package when there are many classes.
    Map<String, List<Activity>> byClass = new TreeMap<>();
    activities.values().forEach(a -> byClass.computeIfAbsent(typeOf(a), k -> new ArrayList<>()).add(a));
    boolean byPackage = step.packageDepth() > 0 || byClass.size() > maxClasses;
    Map<String, List<Node>> groupNodes = new TreeMap<>();
    Map<String, String> activityNode = new TreeMap<>();
    int[] next = {0};
    if (byPackage) {
      // Many classes: one node per package (or package prefix) in one group, so edges stay countable.
      Map<String, List<String>> packages = new TreeMap<>();
      byClass.keySet().forEach(type -> packages.computeIfAbsent(prefix(packageOf(type), step.packageDepth()),
          k -> new ArrayList<>()).add(type));
      List<Node> nodes = groupNodes.computeIfAbsent("Activities (by package)", k -> new ArrayList<>());
      packages.forEach((pkg, types) -> {
        String id = "a" + next[0]++;
        int count = types.stream().mapToInt(t -> byClass.get(t).size()).sum();
        boolean wider = types.stream().anyMatch(t -> !packageOf(t).equals(pkg));
        nodes.add(new Node(id, List.of(wider ? pkg + ".*" : pkg, plural(types.size(), "class", "classes") + ", "
            + count + " activities"), Style.ACTIVITY));
        types.forEach(t -> byClass.get(t).forEach(a -> activityNode.put(a.id(), id)));
      });
    }
    byClass.forEach((type, those) -> {
      if (byPackage) {
        return;
      }
      List<Node> nodes = groupNodes.computeIfAbsent(type, k -> new ArrayList<>());
      if (those.size() > maxActivitiesPerClass) {
        String id = "a" + next[0]++;
        nodes.add(new Node(id, List.of(simpleName(type), plural(those.size(), "activity", "activities")), Style.ACTIVITY));
        those.forEach(a -> activityNode.put(a.id(), id));
      } else {
        for (Activity a : those) {
          String id = "a" + next[0]++;
          String label = titles.get(a.id());
          List<String> lines = a.consent() == null ? List.of(label) : List.of(label, "consent: " + String.join(", ", a.consent().purposes()));
          nodes.add(new Node(id, lines, Style.ACTIVITY));
          activityNode.put(a.id(), id);
        }
      }
    });

    // Edges, aggregated per pair of nodes.
    Map<String, Integer> edgeCounts = new LinkedHashMap<>();
    // one sink node per kind, the application's own HTTP responses apart from the services it
    // calls, and e-mail apart from message brokers
    Map<Integer, Set<String>> sinkTargets = new TreeMap<>();
    for (Activity a : activities.values()) {
      for (String read : a.reads()) {
        if (categoryNode.containsKey(read)) {
          edgeCounts.merge(categoryNode.get(read) + ">" + activityNode.get(a.id()), 1, Integer::sum);
        }
      }
      for (SinkRecord sink : a.sinks()) {
        int sinkKey = SinkTargets.order(sink.kind(), sink.target());
        sinkTargets.computeIfAbsent(sinkKey, k -> new TreeSet<>()).add(sink.target());
        edgeCounts.merge(activityNode.get(a.id()) + ">sink:" + sinkKey, 1, Integer::sum);
      }
    }
    for (Flow flow : flows) {
      int sinkKey = SinkTargets.order(flow.sink(), flow.target());
      sinkTargets.computeIfAbsent(sinkKey, k -> new TreeSet<>()).add(flow.target());
      String from = flow.path().isEmpty() ? null : activityNode.get(flow.path().get(0));
      if (from != null && flow.path().size() > 1) {
        edgeCounts.merge(from + ">sink:" + sinkKey, 1, Integer::sum);
      }
    }
    List<Node> sinkNodes = new ArrayList<>();
    Map<String, String> sinkNode = new TreeMap<>();
    sinkTargets.forEach((sinkKey, targets) -> {
      String id = "s" + sinkNodes.size();
      String kind = SinkTargets.name(sinkKey);
      sinkNodes.add(new Node(id, List.of(kind, targets.size() == 1 ? targets.iterator().next()
          : targets.size() + " targets"), Style.SINK));
      sinkNode.put("sink:" + sinkKey, id);
    });
    List<Edge> edges = new ArrayList<>();
    edgeCounts.forEach((pair, count) -> {
      String[] ends = pair.split(">", 2);
      String to = ends[1].startsWith("sink:") ? sinkNode.get(ends[1]) : ends[1];
      edges.add(new Edge(ends[0], to, count));
    });

    List<Group> groups = new ArrayList<>();
    String title = switch (mode) {
      case ONE_BY_ONE -> "Personal data";
      case PARENT -> "Personal data (by parent category)";
      case SPECIAL_OR_NOT -> "Personal data (" + plural(distinct.size(), "category", "categories") + ")";
    };
    groups.add(new Group("personal_data", title, categoryNodes));
    int[] g = {0};
    groupNodes.forEach((name, nodes) -> groups.add(new Group("g" + g[0]++, byPackage ? name : simpleName(name), nodes)));
    groups.add(new Group("sinks", "Sinks", sinkNodes));
    return new DiagramModel(groups, edges);
  }

  private static boolean isSpecial(DataElement e, Taxonomy taxonomy) {
    return e.special() || taxonomy.isSpecial(e.category());
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String typeOf(Activity a) {
    return a.type() == null ? a.id().split("#", 2)[0] : a.type();
  }

  private static String secondLevel(String category) {
    String[] parts = category.split("\\.");
    return parts.length <= 2 ? category : parts[0] + "." + parts[1];
  }

  private static String packageOf(String type) {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "(default package)" : type.substring(0, dot);
  }

  /** The first {@code depth} segments of a package; the whole package for depth 0. */
  private static String prefix(String pkg, int depth) {
    String[] parts = pkg.split("\\.");
    return depth == 0 || parts.length <= depth ? pkg : String.join(".", List.of(parts).subList(0, depth));
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
  }
}

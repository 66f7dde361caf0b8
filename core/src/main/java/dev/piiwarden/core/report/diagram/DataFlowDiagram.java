package dev.piiwarden.core.report.diagram;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkKind;
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
 *   <li>always: one node per sink kind, and one edge per pair of nodes labelled with how many reads
 *       or sink calls it stands for.
 * </ul>
 *
 * @param maxCategories categories shown one by one up to this number
 * @param maxActivitiesPerClass activities shown one by one per class up to this number
 * @param maxClasses classes shown as their own group up to this number
 */
public record DataFlowDiagram(int maxCategories, int maxActivitiesPerClass, int maxClasses) {
  /** The limits used by the CLI. */
  public static final DataFlowDiagram DEFAULT = new DataFlowDiagram(12, 4, 10);

  /** The diagram of the inventory. */
  public DiagramModel build(Inventory inventory, Taxonomy taxonomy) {
    Map<String, DataElement> elements = new TreeMap<>();
    inventory.dataElements().forEach(e -> elements.putIfAbsent(e.id(), e));
    Map<String, Activity> activities = new TreeMap<>();
    inventory.activities().forEach(a -> activities.putIfAbsent(a.id(), a));

    // Categories, collapsed when there are too many.
    Set<String> distinct = new TreeSet<>();
    elements.values().forEach(e -> distinct.add(e.category()));
    boolean collapse = distinct.size() > maxCategories;
    Map<String, List<DataElement>> byCategory = new TreeMap<>();
    for (DataElement e : elements.values()) {
      byCategory.computeIfAbsent(collapse ? secondLevel(e.category()) : e.category(), k -> new ArrayList<>()).add(e);
    }
    Map<String, String> categoryNode = new LinkedHashMap<>();
    List<Node> categoryNodes = new ArrayList<>();
    byCategory.forEach((key, those) -> {
      String id = "c" + categoryNodes.size();
      boolean special = those.stream().anyMatch(e -> e.special() || taxonomy.isSpecial(e.category()));
      List<String> lines = new ArrayList<>(List.of(key));
      lines.add(those.size() + (those.size() == 1 ? " element" : " elements") + (special ? ", special category" : ""));
      categoryNodes.add(new Node(id, lines, special ? Style.SPECIAL : Style.CATEGORY));
      those.forEach(e -> categoryNode.put(e.id(), id));
    });

    // Activities grouped by class, or by package when there are many classes.
    Map<String, List<Activity>> byClass = new TreeMap<>();
    activities.values().forEach(a -> byClass.computeIfAbsent(typeOf(a), k -> new ArrayList<>()).add(a));
    boolean byPackage = byClass.size() > maxClasses;
    Map<String, List<Node>> groupNodes = new TreeMap<>();
    Map<String, String> activityNode = new TreeMap<>();
    int[] next = {0};
    if (byPackage) {
      // Many classes: one node per package in one group, so edges stay countable.
      Map<String, List<String>> packages = new TreeMap<>();
      byClass.keySet().forEach(type -> packages.computeIfAbsent(packageOf(type), k -> new ArrayList<>()).add(type));
      List<Node> nodes = groupNodes.computeIfAbsent("Activities (by package)", k -> new ArrayList<>());
      packages.forEach((pkg, types) -> {
        String id = "a" + next[0]++;
        int count = types.stream().mapToInt(t -> byClass.get(t).size()).sum();
        nodes.add(new Node(id, List.of(pkg, types.size() + (types.size() == 1 ? " class, " : " classes, ") + count + " activities"), Style.ACTIVITY));
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
        nodes.add(new Node(id, List.of(simpleName(type), those.size() + (those.size() == 1 ? " activity" : " activities")), Style.ACTIVITY));
        those.forEach(a -> activityNode.put(a.id(), id));
      } else {
        for (Activity a : those) {
          String id = "a" + next[0]++;
          String label = a.name() == null ? RopaBuilder.fallbackName(a) : a.name();
          List<String> lines = a.consent() == null ? List.of(label) : List.of(label, "consent: " + String.join(", ", a.consent().purposes()));
          nodes.add(new Node(id, lines, Style.ACTIVITY));
          activityNode.put(a.id(), id);
        }
      }
    });

    // Edges, aggregated per pair of nodes.
    Map<String, Integer> edgeCounts = new LinkedHashMap<>();
    Map<SinkKind, Set<String>> sinkTargets = new TreeMap<>();
    for (Activity a : activities.values()) {
      for (String read : a.reads()) {
        if (categoryNode.containsKey(read)) {
          edgeCounts.merge(categoryNode.get(read) + ">" + activityNode.get(a.id()), 1, Integer::sum);
        }
      }
      for (SinkRecord sink : a.sinks()) {
        sinkTargets.computeIfAbsent(sink.kind(), k -> new TreeSet<>()).add(sink.target());
        edgeCounts.merge(activityNode.get(a.id()) + ">sink:" + sink.kind(), 1, Integer::sum);
      }
    }
    for (Flow flow : inventory.flows()) {
      sinkTargets.computeIfAbsent(flow.sink(), k -> new TreeSet<>()).add(flow.target());
      String from = flow.path().isEmpty() ? null : activityNode.get(flow.path().get(0));
      if (from != null && flow.path().size() > 1) {
        edgeCounts.merge(from + ">sink:" + flow.sink(), 1, Integer::sum);
      }
    }
    List<Node> sinkNodes = new ArrayList<>();
    Map<String, String> sinkNode = new TreeMap<>();
    sinkTargets.forEach((kind, targets) -> {
      String id = "s" + sinkNodes.size();
      sinkNodes.add(new Node(id, List.of(kind.name(), targets.size() == 1 ? targets.iterator().next()
          : targets.size() + " targets"), Style.SINK));
      sinkNode.put("sink:" + kind, id);
    });
    List<Edge> edges = new ArrayList<>();
    edgeCounts.forEach((pair, count) -> {
      String[] ends = pair.split(">", 2);
      String to = ends[1].startsWith("sink:") ? sinkNode.get(ends[1]) : ends[1];
      edges.add(new Edge(ends[0], to, count));
    });

    List<Group> groups = new ArrayList<>();
    groups.add(new Group("personal_data", "Personal data" + (collapse ? " (by parent category)" : ""), categoryNodes));
    int[] g = {0};
    groupNodes.forEach((name, nodes) -> groups.add(new Group("g" + g[0]++, byPackage ? name : simpleName(name), nodes)));
    groups.add(new Group("sinks", "Sinks", sinkNodes));
    return new DiagramModel(groups, edges);
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

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
  }
}

package dev.piiwarden.core.report.diagram;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A data-flow diagram before it is drawn: groups of nodes (the personal data, one group per class or
 * package, the sinks) and aggregated edges. {@link MermaidDiagram} and {@link DotDiagram} draw it.
 *
 * @param groups the groups, left to right
 * @param edges the edges, each with the number of data elements or calls it stands for
 */
public record DiagramModel(List<Group> groups, List<Edge> edges) {
  /** Copies the lists. */
  public DiagramModel {
    groups = List.copyOf(groups);
    edges = List.copyOf(edges);
  }

  /** The number of nodes in all groups. */
  public int nodeCount() {
    return groups.stream().mapToInt(g -> g.nodes().size()).sum();
  }

  /** The number of edges from a category node to an activity node (the rest go to sinks). */
  public int categoryEdges() {
    Set<String> categories = new HashSet<>();
    groups.forEach(g -> g.nodes().stream()
        .filter(n -> n.style() == Style.CATEGORY || n.style() == Style.SPECIAL)
        .forEach(n -> categories.add(n.id())));
    return (int) edges.stream().filter(e -> categories.contains(e.from())).count();
  }

  /** What a node stands for, which decides how it is drawn. */
  public enum Style {
    /** A data category. */
    CATEGORY,
    /** A special category (GDPR Art. 9/10): flagged. */
    SPECIAL,
    /** An activity, or several collapsed into one node. */
    ACTIVITY,
    /** A sink kind. */
    SINK
  }

  /**
   * A node.
   *
   * @param id a diagram id ({@code c0}, {@code a3}, {@code s1})
   * @param lines the label, one entry per line
   * @param style how it is drawn
   * @param rows a table under the label, one list of cells per row (the categories a collapsed
   *     node stands for, with their element counts); empty for most nodes
   */
  public record Node(String id, List<String> lines, Style style, List<List<String>> rows) {
    /** Copies the lines and rows. */
    public Node {
      lines = List.copyOf(lines);
      rows = rows.stream().<List<String>>map(List::copyOf).toList();
    }

    /** A node without a table. */
    public Node(String id, List<String> lines, Style style) {
      this(id, lines, style, List.of());
    }
  }

  /**
   * A group drawn as a subgraph or cluster.
   *
   * @param id a diagram id
   * @param label its title
   * @param nodes its nodes
   */
  public record Group(String id, String label, List<Node> nodes) {
    /** Copies the nodes. */
    public Group {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * An edge standing for {@code count} element reads or sink calls between two nodes.
   *
   * @param from the source node id
   * @param to the target node id
   * @param count how many it stands for
   */
  public record Edge(String from, String to, int count) {}
}

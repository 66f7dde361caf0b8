package dev.piiwarden.core.report.diagram;

import dev.piiwarden.core.report.diagram.DiagramModel.Edge;
import dev.piiwarden.core.report.diagram.DiagramModel.Group;
import dev.piiwarden.core.report.diagram.DiagramModel.Node;
import java.util.List;

/**
 * Draws a {@link DiagramModel} as Graphviz DOT: clusters per group, special categories in red, a
 * node's table of rows (the categories of a collapsed node) as an HTML-like label.
 */
public final class DotDiagram {
  private DotDiagram() {}

  /** The DOT source, ending with a newline. */
  public static String render(DiagramModel model) {
    StringBuilder out = new StringBuilder("digraph piiwarden {\n")
        .append("  rankdir=LR;\n  newrank=true;\n  ranksep=1.2;\n  forcelabels=true;\n  fontname=\"Helvetica\";\n")
        .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];\n")
        .append("  edge [color=\"#666666\", fontname=\"Helvetica\", fontsize=10];\n");
    for (Group group : model.groups()) {
      out.append("  subgraph cluster_").append(group.id()).append(" {\n")
          .append("    label=\"").append(escape(group.label())).append("\";\n")
          .append("    style=\"rounded\";\n    color=\"#999999\";\n");
      for (Node node : group.nodes()) {
        out.append("    ").append(node.id()).append(" [label=").append(node.rows().isEmpty()
                ? '"' + String.join("\\n", node.lines().stream().map(DotDiagram::escape).toList()) + '"'
                : table(node))
            .append(switch (node.style()) {
              case SPECIAL -> ", shape=note, fillcolor=\"#fde2e2\", color=\"#c00000\", penwidth=2.5, fontcolor=\"#600000\"";
              case CATEGORY -> ", shape=note, fillcolor=\"#eef6ee\", color=\"#3c7a3c\"";
              case SINK -> ", shape=cylinder, fillcolor=\"#e8eef8\", color=\"#34558b\"";
              case ACTIVITY -> "";
            })
            .append("];\n");
      }
      out.append("  }\n");
    }
    for (Edge edge : model.edges()) {
      out.append("  ").append(edge.from()).append(" -> ").append(edge.to())
          .append(edge.count() > 1 ? " [xlabel=\"" + edge.count() + "\", penwidth=" + Math.min(4, 1 + edge.count() / 3.0) + "]" : "")
          .append(";\n");
    }
    return out.append("}\n").toString();
  }

  /** The lines as a title, the rows under them with the first cell left and the others right aligned. */
  private static String table(Node node) {
    StringBuilder label = new StringBuilder("<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">");
    int width = node.rows().stream().mapToInt(List::size).max().orElse(1);
    for (int i = 0; i < node.lines().size(); i++) {
      String line = html(node.lines().get(i));
      label.append("<tr><td colspan=\"").append(width).append("\">").append(i == 0 ? "<b>" + line + "</b>" : line)
          .append("</td></tr>");
    }
    for (List<String> row : node.rows()) {
      label.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        label.append("<td align=\"").append(i == 0 ? "left" : "right").append("\">").append(html(row.get(i)))
            .append("</td>");
      }
      label.append("</tr>");
    }
    return label.append("</table>>").toString();
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replaceAll("\\R", " ");
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\R", " ");
  }
}

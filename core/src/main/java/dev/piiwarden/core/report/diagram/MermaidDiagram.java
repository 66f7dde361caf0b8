package dev.piiwarden.core.report.diagram;

import dev.piiwarden.core.report.diagram.DiagramModel.Edge;
import dev.piiwarden.core.report.diagram.DiagramModel.Group;
import dev.piiwarden.core.report.diagram.DiagramModel.Node;
import dev.piiwarden.core.report.diagram.DiagramModel.Style;
import java.util.ArrayList;
import java.util.List;

/** Draws a {@link DiagramModel} as a Mermaid flowchart, left to right, special categories in red. */
public final class MermaidDiagram {
  private MermaidDiagram() {}

  /** The Mermaid source, ending with a newline. */
  public static String render(DiagramModel model) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<String> special = new ArrayList<>();
    List<String> sinks = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (Group group : model.groups()) {
      out.append("  subgraph ").append(group.id()).append("[\"").append(escape(group.label())).append("\"]\n");
      for (Node node : group.nodes()) {
        List<String> lines = new ArrayList<>(node.lines());
        node.rows().forEach(row -> lines.add(String.join(": ", row)));
        String label = String.join("<br/>", lines.stream().map(MermaidDiagram::escape).toList());
        String shape = switch (node.style()) {
          case SINK -> "[(\"" + label + "\")]";
          case CATEGORY, SPECIAL -> "([\"" + label + "\"])";
          case ACTIVITY -> "[\"" + label + "\"]";
        };
        out.append("    ").append(node.id()).append(shape).append('\n');
        if (node.style() == Style.SPECIAL) {
          special.add(node.id());
        } else if (node.style() == Style.SINK) {
          sinks.add(node.id());
        } else if (node.style() == Style.CATEGORY) {
          categories.add(node.id());
        }
      }
      out.append("  end\n");
    }
    for (Edge edge : model.edges()) {
      out.append("  ").append(edge.from()).append(edge.count() > 1 ? " -->|" + edge.count() + "| " : " --> ")
          .append(edge.to()).append('\n');
    }
    out.append("  classDef special fill:#fde2e2,stroke:#c00000,stroke-width:3px,color:#600000\n")
        .append("  classDef sink fill:#e8eef8,stroke:#34558b\n")
        .append("  classDef category fill:#eef6ee,stroke:#3c7a3c\n");
    classes(out, "special", special);
    classes(out, "sink", sinks);
    classes(out, "category", categories);
    return out.toString();
  }

  private static void classes(StringBuilder out, String name, List<String> ids) {
    if (!ids.isEmpty()) {
      out.append("  class ").append(String.join(",", ids)).append(' ').append(name).append('\n');
    }
  }

  // Mermaid entity codes keep quotes and angle brackets from ending or opening markup; a # that would
  // start one (a name holding "#35;") is itself escaped first, so it is drawn as written; a line break
  // would end the node.
  private static String escape(String text) {
    return text.replaceAll("\\R", " ").replaceAll("#(?=\\w+;)", "#35;").replace("&", "#amp;").replace("\"", "#quot;")
        .replace("<", "#lt;").replace(">", "#gt;");
  }
}

package dev.piiwarden.core.report.diagram;

/** The diagram formats. */
public enum DiagramFormat {
  /** A Mermaid flowchart (GitHub and GitLab render it in Markdown). */
  MERMAID,
  /** Graphviz DOT ({@code dot -Tsvg}). */
  DOT;

  /** The drawn model. */
  public String render(DiagramModel model) {
    return this == MERMAID ? MermaidDiagram.render(model) : DotDiagram.render(model);
  }
}

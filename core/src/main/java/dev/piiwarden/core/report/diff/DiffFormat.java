package dev.piiwarden.core.report.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.core.report.ReportJson;
import dev.piiwarden.core.text.QuotedValue;
import java.util.List;
import java.util.Locale;

/**
 * The changes as text for people or JSON for programs. Ids and details shaped like personal data (a
 * hand-edited inventory with {@code kim@example.com} as an element's id) are shown masked ({@link
 * QuotedValue}), as merge conflicts and taxonomy warnings show them: a diff is posted to pull requests
 * and CI logs.
 */
public enum DiffFormat {
  /** Sections per kind with {@code +}, {@code -} and {@code ~} lines. */
  TEXT,
  /**
   * {@code {"schema": "piiwarden-diff/1", "summary": {"elements": {"added", "removed", "changed"},
   * …}, "changes": [{"kind", "change", "id", "details"}]}}.
   */
  JSON;

  /** The rendered changes. */
  public String render(List<Change> changes) {
    return this == TEXT ? text(changes) : json(changes);
  }

  private static String text(List<Change> changes) {
    if (changes.isEmpty()) {
      return "No changes.\n";
    }
    StringBuilder out = new StringBuilder();
    for (ChangeKind kind : ChangeKind.values()) {
      List<Change> ofKind = changes.stream().filter(c -> c.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "\n")
          .append(kind.plural().toUpperCase(Locale.ROOT)).append(": ").append(summary(ofKind)).append('\n');
      for (Change change : ofKind) {
        char sign = switch (change.type()) {
          case ADDED -> '+';
          case REMOVED -> '-';
          case CHANGED -> '~';
        };
        out.append(sign).append(' ').append(QuotedValue.shown(change.id()));
        if (kind == ChangeKind.PURPOSE) {
          out.append(": ").append(QuotedValue.shown(change.details().get(0))).append('\n');
        } else {
          out.append('\n');
          change.details().forEach(d -> out.append("    ").append(QuotedValue.shown(d)).append('\n'));
        }
      }
    }
    return out.toString();
  }

  private static String summary(List<Change> changes) {
    return count(changes, Change.Type.ADDED) + " added, " + count(changes, Change.Type.REMOVED) + " removed, "
        + count(changes, Change.Type.CHANGED) + " changed";
  }

  private static long count(List<Change> changes, Change.Type type) {
    return changes.stream().filter(c -> c.type() == type).count();
  }

  private static String json(List<Change> changes) {
    ObjectNode root = ReportJson.object();
    root.put("schema", "piiwarden-diff/1");
    ObjectNode summary = root.putObject("summary");
    for (ChangeKind kind : ChangeKind.values()) {
      List<Change> ofKind = changes.stream().filter(c -> c.kind() == kind).toList();
      summary.putObject(kind.plural())
          .put("added", count(ofKind, Change.Type.ADDED))
          .put("removed", count(ofKind, Change.Type.REMOVED))
          .put("changed", count(ofKind, Change.Type.CHANGED));
    }
    ArrayNode list = root.putArray("changes");
    for (Change change : changes) {
      ObjectNode node = list.addObject();
      node.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
      node.put("change", change.type().name().toLowerCase(Locale.ROOT));
      node.put("id", QuotedValue.shown(change.id()));
      ArrayNode details = node.putArray("details");
      change.details().forEach(d -> details.add(QuotedValue.shown(d)));
    }
    return ReportJson.write(root);
  }
}

package dev.piiwarden.cli.redact;

import dev.piiwarden.cli.output.TextTable;
import dev.piiwarden.core.redaction.RedactionCounts;
import dev.piiwarden.core.redaction.Redactor;
import java.util.Map;

/** What {@code --stats} prints on stderr: lines read, then values replaced per type. */
final class RedactionStats {
  private RedactionStats() {}

  static String render(long lines, RedactionCounts counts) {
    TextTable table = new TextTable("TYPE", "REDACTED");
    for (Map.Entry<String, Long> entry : counts.byType().entrySet()) {
      if (entry.getKey().equals(Redactor.ANNOTATED)) {
        continue; // objects, not text: never counted here
      }
      table.row(entry.getKey(), Long.toString(entry.getValue()));
    }
    table.row("total", Long.toString(counts.total()));
    if (counts.failures() > 0) {
      table.row("failed", Long.toString(counts.failures()));
    }
    return lines + (lines == 1 ? " line\n" : " lines\n") + table.render();
  }
}

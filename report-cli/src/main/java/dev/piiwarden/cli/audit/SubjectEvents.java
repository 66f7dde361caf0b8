package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.output.TextTable;
import dev.piiwarden.core.audit.AuditQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The events about one subject as a table or as JSON. */
final class SubjectEvents {
  private static final Set<String> COLUMNS = Set.of("v", "seq", "ts", "type", "subject", "actor",
      "purposes", "activity", "categories", "reason", "prev", "hash");

  private SubjectEvents() {}

  static String table(String pseudonym, EventFilter filter, List<AuditQuery.Match> matches) {
    StringBuilder text = new StringBuilder();
    text.append("subject ").append(pseudonym).append(": ").append(matches.size())
        .append(matches.size() == 1 ? " event" : " events")
        .append(filter.narrows() ? " " + filter.describe() : "").append('\n');
    if (matches.isEmpty()) {
      return text.toString();
    }
    TextTable table = new TextTable(
        "SEQ", "TS", "TYPE", "ACTIVITY", "PURPOSES", "CATEGORIES", "REASON", "ACTOR", "DETAILS");
    for (AuditQuery.Match match : matches) {
      Map<String, Object> fields = match.fields();
      table.row(cell(fields.get("seq")), cell(fields.get("ts")), cell(fields.get("type")),
          cell(fields.get("activity")), cell(fields.get("purposes")),
          cell(fields.get("categories")), cell(fields.get("reason")), cell(fields.get("actor")),
          details(fields));
    }
    return text.append(table.render()).toString();
  }

  static String json(String pseudonym, EventFilter filter, List<AuditQuery.Match> matches) {
    StringBuilder text = new StringBuilder();
    text.append("{\"subject\":\"").append(pseudonym).append('"');
    if (filter.since() != null) {
      text.append(",\"since\":\"").append(filter.since()).append('"');
    }
    if (filter.until() != null) {
      text.append(",\"until\":\"").append(filter.until()).append('"');
    }
    if (!filter.types().isEmpty()) {
      text.append(",\"types\":[").append(filter.types().stream().map(type -> '"' + type + '"')
          .collect(Collectors.joining(","))).append(']');
    }
    text.append(",\"events\":[");
    for (int i = 0; i < matches.size(); i++) {
      text.append(i == 0 ? "\n" : ",\n").append(matches.get(i).json());
    }
    return text.append(matches.isEmpty() ? "" : "\n").append("]}\n").toString();
  }

  private static String details(Map<String, Object> fields) {
    String details = fields.entrySet().stream()
        .filter(field -> !COLUMNS.contains(field.getKey()))
        .map(field -> field.getKey() + "=" + cell(field.getValue()))
        .collect(Collectors.joining(" "));
    return details.isEmpty() ? "-" : details;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "-"
          : list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    // the table shows it on one line (TextTable.cell), as every table of the CLI does
    return String.valueOf(value);
  }
}

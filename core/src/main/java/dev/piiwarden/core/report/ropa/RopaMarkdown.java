package dev.piiwarden.core.report.ropa;

import java.util.List;

/** The record as Markdown: the controller block, an overview table, then one section per activity. */
public final class RopaMarkdown {
  private RopaMarkdown() {}

  /** The Markdown text, ending with a newline. */
  public static String render(RopaRecord record) {
    StringBuilder md = new StringBuilder("# Records of processing activities (GDPR Art. 30(1))\n\n");
    party(md, "Controller", record.controller());
    party(md, "Data protection officer", record.dpo());
    party(md, "Representative", record.representative());
    String incomplete = RopaRecord.incomplete(record);
    if (incomplete != null) {
      md.append("\n**").append(text(incomplete)).append("**\n");
    }
    if (record.activities().isEmpty()) {
      return md.append("\nNo processing activities: the inventory declares none.\n").toString();
    }
    md.append('\n').append("| Processing activity | Purposes | Lawful basis | Personal data |\n")
        .append("|---|---|---|---|\n");
    for (RopaActivity activity : record.activities()) {
      md.append("| ").append(cell(activity.title()))
          .append(" | ").append(cell(activity.purposesInBrief()))
          .append(" | ").append(cell(activity.lawfulBasesInBrief()))
          .append(" | ").append(cell(join(activity.categories().stream()
              .map(c -> c.special() ? c.key() + " (special)" : c.key()).toList())))
          .append(" |\n");
    }
    String withoutData = RopaRecord.withoutPersonalData(record);
    if (withoutData != null) {
      md.append('\n').append(withoutData).append('\n');
    }
    for (RopaActivity activity : record.activities()) {
      md.append("\n## ").append(text(activity.title())).append("\n\n")
          .append("Activity: `").append(activity.id().replace("`", "'")).append("`\n\n")
          .append("| Field | Value |\n|---|---|\n");
      for (RopaField field : RopaField.values()) {
        if (!field.shownFor(activity)) {
          continue;
        }
        md.append("| ").append(field.label()).append(" | ")
            .append(String.join("<br>", field.values(activity).stream().map(RopaMarkdown::cell).toList()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static void party(StringBuilder md, String role, Party party) {
    md.append("- **").append(role).append(":** ");
    if (party == null) {
      md.append(RopaBuilder.NOT_DECLARED).append('\n');
      return;
    }
    md.append(text(party.name()));
    if (party.contact() != null) {
      md.append(", ").append(text(party.contact()));
    }
    md.append('\n');
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? RopaField.NONE : String.join(", ", values);
  }

  // Table cells: no pipes or line breaks, and no HTML the renderer would interpret.
  private static String cell(String value) {
    return text(value).replace("|", "\\|");
  }

  // Markdown's specials backslash-escaped, so a name like *fast* or `x` reads as written; an _ inside
  // a word (user.health_and_medical) starts no emphasis, so it stays as it is.
  private static String text(String value) {
    return value.replaceAll("\\R", " ").replaceAll("([\\\\`*\\[\\]~])", "\\\\$1")
        .replaceAll("(?<![\\p{Alnum}])_|_(?![\\p{Alnum}])", "\\\\_")
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

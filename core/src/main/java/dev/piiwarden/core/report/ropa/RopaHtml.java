package dev.piiwarden.core.report.ropa;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record as one self-contained HTML page: inline CSS, no scripts, no external assets, so it can
 * be mailed or archived as it is. Print CSS puts each activity on its own page in landscape.
 */
public final class RopaHtml {
  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.45}
      h1{font-size:1.6rem;border-bottom:2px solid #1a1a1a;padding-bottom:.3rem}
      h2{font-size:1.2rem;margin-top:2.2rem}
      dl.parties{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
      dl.parties dt{font-weight:600}
      table{border-collapse:collapse;width:100%;margin:.6rem 0}
      th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#f0f0f0}
      table.activity th{width:16rem}
      ul{margin:0;padding-left:1.1rem}
      code{font-size:.85em;word-break:break-all}
      .special{color:#a00000;font-weight:600}
      .none{color:#777}
      @media print{
        @page{size:A4 landscape;margin:12mm}
        body{margin:0;max-width:none;font-size:10pt}
        section.activity{break-before:page}
        table,tr{break-inside:avoid}
        th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
      }
      """;

  private RopaHtml() {}

  /** The HTML document, ending with a newline. */
  public static String render(RopaRecord record) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Records of processing activities</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<h1>Records of processing activities (GDPR Art. 30(1))</h1>\n")
        .append("<dl class=\"parties\">\n");
    party(html, "Controller", record.controller());
    party(html, "Data protection officer", record.dpo());
    party(html, "Representative", record.representative());
    html.append("</dl>\n");
    String incomplete = RopaRecord.incomplete(record);
    if (incomplete != null) {
      html.append("<p class=\"special\">").append(escape(incomplete)).append("</p>\n");
    }
    if (record.activities().isEmpty()) {
      return html.append("<p>No processing activities: the inventory declares none.</p>\n</body>\n</html>\n")
          .toString();
    }
    html.append("<h2>Overview</h2>\n<table>\n<thead><tr><th>Processing activity</th><th>Purposes</th>")
        .append("<th>Lawful basis</th><th>Personal data</th></tr></thead>\n<tbody>\n");
    Map<String, String> anchors = anchors(record);
    for (RopaActivity a : record.activities()) {
      html.append("<tr><td><a href=\"#").append(escape(anchors.get(a.id()))).append("\">").append(escape(a.title()))
          .append("</a></td><td>").append(escape(a.purposesInBrief()))
          .append("</td><td>").append(escape(a.lawfulBasesInBrief())).append("</td><td>");
      List<CategoryEntry> categories = a.categories();
      for (int i = 0; i < categories.size(); i++) {
        CategoryEntry c = categories.get(i);
        html.append(i == 0 ? "" : ", ")
            .append(c.special() ? "<span class=\"special\">" + escape(c.key()) + " (special)</span>" : escape(c.key()));
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    String withoutData = RopaRecord.withoutPersonalData(record);
    if (withoutData != null) {
      html.append("<p>").append(escape(withoutData)).append("</p>\n");
    }
    for (RopaActivity a : record.activities()) {
      html.append("<section class=\"activity\" id=\"").append(escape(anchors.get(a.id()))).append("\">\n<h2>")
          .append(escape(a.title())).append("</h2>\n")
          .append("<p>Activity <code>").append(escape(a.id())).append("</code></p>\n")
          .append("<table class=\"activity\">\n");
      for (RopaField field : RopaField.values()) {
        if (!field.shownFor(a)) {
          continue;
        }
        html.append("<tr><th scope=\"row\">").append(escape(field.label())).append("</th><td><ul>");
        for (String value : field.values(a)) {
          String css = value.contains(CategoryEntry.CONDITION_REQUIRED) ? " class=\"special\""
              : value.equals(RopaField.NONE) || value.equals(RopaBuilder.NOT_DECLARED) ? " class=\"none\"" : "";
          html.append("<li").append(css).append('>').append(escape(value)).append("</li>");
        }
        html.append("</ul></td></tr>\n");
      }
      html.append("</table>\n</section>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  // One id per entry, from its activity id (letters, digits, '.', '_' and '-' kept, the rest '-'), unique.
  private static Map<String, String> anchors(RopaRecord record) {
    Map<String, String> anchors = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (RopaActivity a : record.activities()) {
      String base = a.id().replaceAll("[^A-Za-z0-9._-]", "-");
      String anchor = base;
      for (int n = 2; !taken.add(anchor); n++) {
        anchor = base + "-" + n;
      }
      anchors.put(a.id(), anchor);
    }
    return anchors;
  }

  private static void party(StringBuilder html, String role, Party party) {
    html.append("<dt>").append(role).append("</dt><dd>");
    if (party == null) {
      html.append("<span class=\"none\">").append(RopaBuilder.NOT_DECLARED).append("</span>");
    } else {
      html.append(escape(party.name()));
      if (party.contact() != null) {
        html.append(", ").append(escape(party.contact()));
      }
    }
    html.append("</dd>\n");
  }

  /** Text for HTML element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

package dev.piiwarden.core.report.ropa;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The record as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break): a header and one row per activity. Column names are those of the Fides data map
 * export where one applies, so a sheet built for Fides reads it; the first two and the last five are
 * PII Warden's own. "Purpose of Processing" holds the purposes the activity declares ({@code not
 * declared} when none); only for such an activity the two columns after the Fides ones give the
 * purposes and bases its data was collected for. "Categories of Recipients" names kinds of recipient ({@code Databases})
 * and the configured third parties; the sink calls behind them are in the other formats.
 * The last three columns name the controller, the data protection officer and the representative
 * (GDPR Art. 30(1)(a): name, then contact after {@code ", "}; {@code not declared} when the
 * configuration names none) on every row, so that each row read on its own says whose record it is.
 * Values within a cell are separated by {@code "; "}. A cell starting with {@code = + - @}, a tab or
 * a carriage return gets a leading {@code '}, so a spreadsheet shows it as text, not a formula.
 */
public final class RopaCsv {
  /** The header row, in column order. */
  public static final List<String> HEADER =
      List.of(
          "Processing Activity",
          "Activity Id",
          "Purpose of Processing",
          "Categories of Individuals",
          "Categories of Personal Data (Fides Taxonomy)",
          "Categories of Recipients",
          "Third Country Transfers",
          "Safeguards for Exceptional Transfers of Personal Data",
          "Retention Schedule",
          "General Description of Security Measures",
          "Article 6 lawful basis for processing personal data",
          "Article 9 condition for processing special category data",
          "Purposes the Data Was Collected For (the activity declares none)",
          "Lawful Bases the Data Was Collected Under (the activity declares none)",
          "Controller",
          "Data Protection Officer",
          "Representative");

  private RopaCsv() {}

  /** The CSV text, each record ending with CRLF. */
  public static String render(RopaRecord record, List<Transfer> transfers) {
    StringBuilder csv = new StringBuilder();
    line(csv, HEADER);
    for (RopaActivity a : record.activities()) {
      line(
          csv,
          List.of(
              a.name(),
              a.id(),
              a.purposes().isEmpty() ? RopaBuilder.NOT_DECLARED : join(a.purposes().stream().map(KeyName::key).toList()),
              join(a.subjects().stream().map(KeyName::key).toList()),
              join(a.categories().stream().map(CategoryEntry::key).toList()),
              join(a.recipientCategories()),
              join(a.transfers()),
              join(safeguards(a, transfers)),
              join(a.retention()),
              join(a.measures()),
              join(a.lawfulBases()),
              join(a.categories().stream().filter(CategoryEntry::special)
                  .map(c -> c.key() + ": " + c.condition()).toList()),
              join(a.dataPurposes().stream().map(KeyName::key).toList()),
              join(a.dataBases()),
              party(record.controller()),
              party(record.dpo()),
              party(record.representative())));
    }
    return csv.toString();
  }

  private static List<String> safeguards(RopaActivity activity, List<Transfer> transfers) {
    return transfers.stream()
        .filter(t -> t.safeguard() != null && activity.transfers().contains(t.describe()))
        .map(t -> t.country() + ": " + t.safeguard())
        .distinct()
        .toList();
  }

  private static String party(Party party) {
    if (party == null) {
      return RopaBuilder.NOT_DECLARED;
    }
    return party.contact() == null ? party.name() : party.name() + ", " + party.contact();
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? "N/A" : String.join("; ", values);
  }

  private static void line(StringBuilder csv, List<String> fields) {
    csv.append(fields.stream().map(RopaCsv::field).collect(Collectors.joining(","))).append("\r\n");
  }

  static String field(String cell) {
    // A cell a spreadsheet would take for a formula is prefixed with ' (OWASP, CSV injection).
    String value = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}

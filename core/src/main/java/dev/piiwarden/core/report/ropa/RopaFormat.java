package dev.piiwarden.core.report.ropa;

import java.util.List;
import java.util.Locale;

/** The formats of the record of processing activities. */
public enum RopaFormat {
  /** Markdown for people and wikis. */
  MD,
  /** One self-contained, printable HTML page. */
  HTML,
  /** CSV with the Fides data map columns, for spreadsheets. */
  CSV,
  /** JSON ({@code piiwarden-ropa/1}) for programs. */
  JSON;

  /** The record in this format. */
  public String render(RopaRecord record, RopaConfig config) {
    return switch (this) {
      case MD -> RopaMarkdown.render(record);
      case HTML -> RopaHtml.render(record);
      case CSV -> RopaCsv.render(record, config.transfers() == null ? List.of() : config.transfers());
      case JSON -> RopaJson.render(record);
    };
  }

  /** The name on the command line, e.g. {@code md}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

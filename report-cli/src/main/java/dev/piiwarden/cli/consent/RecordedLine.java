package dev.piiwarden.cli.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.output.TextTable;
import dev.piiwarden.core.audit.ConsentChangeEvents;

/**
 * The confirmation a grant or withdrawal prints: what was recorded, when and where, without the
 * subject id, so the line can go into a ticket or a shell log; the source as the trail's {@code
 * consent.changed} has it, through the default redaction, on one line as a table cell shows it.
 */
final class RecordedLine {
  private RecordedLine() {}

  static String of(ConsentRecord record, String store) {
    return "recorded "
        + record.state()
        + " "
        + record.purpose()
        + " at "
        + record.time()
        + " (source "
        + TextTable.cell(ConsentChangeEvents.redacted(record.source()))
        + (record.expires() == null ? "" : ", expires " + record.expires())
        + ") in "
        + store;
  }
}

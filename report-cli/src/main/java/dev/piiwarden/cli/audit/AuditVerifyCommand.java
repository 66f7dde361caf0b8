package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Finding;
import dev.piiwarden.core.audit.TrailAnchor;
import dev.piiwarden.core.audit.VerificationReport;
import dev.piiwarden.core.text.QuotedValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden audit verify FILE…|JDBC-URL [--key-file K] [--anchor SEQ:HASH]}: checks the hash
 * chain, and that it still holds a record an earlier run saw.
 */
@Command(
    name = "verify",
    description = {
      "Checks the trail's hash chain across its files, or in a jdbc: sink's table: every record"
          + " is where the writer put it, unchanged. Exit 0 when it verifies; exit 1 with one line naming the first bad record"
          + " (file:line: seq N: what is wrong): edited, missing, inserted, reordered, broken link,"
          + " truncated, not a record.",
      "With --anchor SEQ:HASH (the last seq and hash of an earlier OK line, kept off the host), it"
          + " also checks that the trail still holds that record unchanged: records cut off at the"
          + " end (cut off), or a trail rewritten with the key (rewritten), fail (exit 1).",
      "With --after SEQ:HASH (the last seq and hash of the OK line of files deleted once their"
          + " retention period ended), the files given must begin with the record after it,"
          + " chained to it."
    })
public final class AuditVerifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private TrailInput input;

  @Option(
      names = "--anchor",
      paramLabel = "SEQ:HASH",
      description = "A record an earlier run reported as its last (OK: … last seq SEQ, hash HASH):"
          + " the trail must still hold it, unchanged.")
  private String anchor;

  @Option(
      names = "--after",
      paramLabel = "SEQ:HASH",
      description = "The last record of files deleted on purpose (their own OK line's last seq and"
          + " hash): the files given are the rest of the trail and begin with the record after it.")
  private String after;

  @Override
  public Integer call() {
    try {
      return verify();
    } finally {
      input.close();
    }
  }

  private int verify() {
    TrailAnchor expected = anchor == null ? null : TrailAnchor.parse(anchor).orElseThrow(() ->
        new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_ANCHOR, QuotedValue.shown(anchor)));
    TrailAnchor start = after == null ? null : TrailAnchor.parse(after).orElseThrow(() ->
        new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_AFTER, QuotedValue.shown(after)));
    if (expected != null && start != null && expected.seq() == start.seq() && !expected.equals(start)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_ANCHOR_AFTER_DISAGREE, start.seq());
    }
    if (expected != null && start != null && expected.seq() < start.seq()) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_ANCHOR_DELETED, expected.seq(), start.seq() + 1);
    }
    List<Path> files = input.files();
    AuditVerifier verifier = new AuditVerifier(input.key());
    VerificationReport report = TrailInput.badInputOnFailure(() -> verifier.verify(files, start));
    PrintWriter out = spec.commandLine().getOut();
    report.notes().forEach(note -> out.println("note: " + input.note(note)));
    if (report.finding().isPresent()) {
      out.println(input.describe(report.finding().get()));
      out.flush();
      return ExitCode.FINDINGS;
    }
    if (expected != null && !expected.equals(start)) {
      Optional<Finding> missed = TrailInput.badInputOnFailure(() -> expected.findingIn(files));
      if (missed.isPresent()) {
        out.println(input.describe(missed.get()));
        out.flush();
        return ExitCode.FINDINGS;
      }
    }
    long records = report.records();
    out.println("OK: " + records + (records == 1 ? " record in " : " records in ")
        + input.described(files.size()) + (records == 1 ? " verifies" : " verify")
        + "; last seq " + report.last().seq()
        + ", hash " + report.last().hash()
        + (expected == null ? "" : "; anchor seq " + expected.seq() + " holds")
        + (start == null ? "" : "; records up to seq " + start.seq() + " were deleted before these files"));
    out.flush();
    return ExitCode.OK;
  }
}

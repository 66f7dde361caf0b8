package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden audit verify FILE…|JDBC-URL [--key-file K]}: checks the hash chain.
 */
@Command(
    name = "verify",
    description = {
      "Checks the trail's hash chain across its files, or in a jdbc: sink's table: every record"
          + " is where the writer put it, unchanged. Exit 0 when it verifies; exit 1 with one line naming the first bad record"
          + " (file:line: seq N: what is wrong): edited, missing, inserted, reordered, broken link,"
          + " truncated, not a record."
    })
public final class AuditVerifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private TrailInput input;

  @Override
  public Integer call() {
    try {
      return verify();
    } finally {
      input.close();
    }
  }

  private int verify() {
    List<Path> files = input.files();
    AuditVerifier verifier = new AuditVerifier(input.key());
    VerificationReport report = TrailInput.badInputOnFailure(() -> verifier.verify(files));
    PrintWriter out = spec.commandLine().getOut();
    report.notes().forEach(note -> out.println("note: " + input.note(note)));
    if (report.finding().isPresent()) {
      out.println(input.describe(report.finding().get()));
      out.flush();
      return ExitCode.FINDINGS;
    }
    long records = report.records();
    out.println("OK: " + records + (records == 1 ? " record in " : " records in ")
        + input.described(files.size()) + (records == 1 ? " verifies" : " verify")
        + "; last seq " + report.last().seq()
        + ", hash " + report.last().hash());
    out.flush();
    return ExitCode.OK;
  }
}

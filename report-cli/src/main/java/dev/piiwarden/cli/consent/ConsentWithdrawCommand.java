package dev.piiwarden.cli.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditAppender;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code piiwarden consent withdraw}: records that a subject withdrew a purpose. */
@Command(
    name = "withdraw",
    description = "Records that a subject withdrew a purpose; withdrawing a parent withdraws its children.")
public final class ConsentWithdrawCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private LedgerOptions ledgerOptions;

  @Mixin private ChangeOptions change;

  @Mixin private AuditOptions audit;

  @Override
  public Integer call() throws IOException {
    String subject = NonEmpty.subject(change.subject);
    String source = NonEmpty.of("--source", change.source);
    String purpose = PurposeKeys.checked(change.purpose, ledgerOptions.taxonomy());
    // The ledger is opened first, which connects to nothing yet: its --jdbc-driver jars serve a
    // jdbc: trail too. The trail is opened before anything is written.
    try (OpenLedger ledger = ledgerOptions.openForChange(spec.commandLine().getErr(), subject, audit);
        AuditAppender trail = audit.open(spec.commandLine().getErr())) {
      ConsentRecord record = ledger.use(l -> l.withdraw(subject, purpose, source));
      audit.changed(trail, subject, purpose, ConsentChangeEvents.WITHDRAWN, source, record.time());
      spec.commandLine().getOut().println(RecordedLine.of(record, ledger.describeStore()));
    }
    return ExitCode.OK;
  }
}

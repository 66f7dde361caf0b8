package dev.piiwarden.cli.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditAppender;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piiwarden consent grant}: records that a subject consented to a purpose. */
@Command(name = "grant", description = "Records that a subject granted a purpose (and its children).")
public final class ConsentGrantCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private LedgerOptions ledgerOptions;

  @Mixin private ChangeOptions change;

  @Mixin private AuditOptions audit;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      converter = Expiry.Converter.class,
      description = "When the grant lapses: an ISO-8601 instant or a duration from now (P365D).")
  private Expiry expires;

  @Override
  public Integer call() throws IOException {
    String subject = NonEmpty.subject(change.subject);
    String source = NonEmpty.of("--source", change.source);
    String purpose = PurposeKeys.checked(change.purpose, ledgerOptions.taxonomy());
    Instant lapses = expires == null ? null : expires.from(Instant.now());
    if (lapses != null && !lapses.isAfter(Instant.now())) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_EXPIRED_ALREADY, expires.text());
    }
    // The ledger is opened first, which connects to nothing yet: its --jdbc-driver jars serve a
    // jdbc: trail too. The trail is opened before anything is written.
    try (OpenLedger ledger = ledgerOptions.openForChange(spec.commandLine().getErr(), subject, audit);
        AuditAppender trail = audit.open(spec.commandLine().getErr())) {
      ConsentRecord record = ledger.use(l -> l.grant(subject, purpose, source, lapses));
      audit.changed(trail, subject, purpose, ConsentChangeEvents.GRANTED, source, record.time());
      spec.commandLine().getOut().println(RecordedLine.of(record, ledger.describeStore()));
    }
    return ExitCode.OK;
  }
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import dev.piiwarden.core.audit.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link LedgerAndTrailCrashTest}: grants and withdraws consent in a file ledger
 * and audits each change with a burst of access events, until it is killed. After each ledger
 * write has returned (the record is forced to disk) it prints the write's number on stdout.
 */
public final class LedgerAndTrailWriterProcess {
  /** Access events recorded with each consent change: they keep the trail's writer busy. */
  static final int ACCESSES_PER_CHANGE = 40;

  private LedgerAndTrailWriterProcess() {}

  /** Arguments: the ledger file, the active trail file and the key file. */
  public static void main(String[] args) {
    ConsentLedger ledger =
        new ConsentLedger(new FileConsentStore(Path.of(args[0]), System.err::println), Duration.ZERO);
    AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + args[1])
        .keyFile(Path.of(args[2])).fsync(FsyncPolicy.never()));
    for (long i = 1; ; i++) {
      String subject = LedgerAndTrailCrashTest.subject(i);
      ConsentRecord record = i % 3 == 0
          ? ledger.withdraw(subject, "marketing", LedgerAndTrailCrashTest.source(i))
          : ledger.grant(subject, "marketing", LedgerAndTrailCrashTest.source(i));
      String pseudonym = trail.pseudonymizer().pseudonym(subject);
      trail.record(ConsentChangeEvents.changed(trail.pseudonymizer(), subject, "crash-test",
          record.purpose(), record.state().name(), record.source()));
      for (int a = 0; a < ACCESSES_PER_CHANGE; a++) {
        trail.record(AuditEvent.of(AuditEventType.ACCESS).subject(pseudonym).actor("crash-test")
            .purposes("essential.service").activity("com.acme.Accounts#fetch(java.lang.String)")
            .categories("user.contact.email").build());
      }
      System.out.println(i);
    }
  }
}

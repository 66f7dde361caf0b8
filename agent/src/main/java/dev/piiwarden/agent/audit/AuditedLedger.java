package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import java.time.Instant;
import java.util.List;

/**
 * The ledger the application reaches through {@code Consents}, with every grant and withdrawal
 * that the store accepted recorded as {@code consent.changed}. A change the store refused is not
 * audited: the application got the exception and nothing changed. At shutdown, a change is made
 * with its event or not at all ({@link AgentAudit#consentChange}).
 */
public final class AuditedLedger implements ConsentBridge.Ledger {
  private final ConsentBridge.Ledger ledger;

  /** Audits the changes made through {@code ledger}. */
  public AuditedLedger(ConsentBridge.Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Object[] grant(String subject, String purpose, String source) {
    return AgentAudit.consentChange(() -> {
      Object[] record = ledger.grant(subject, purpose, source);
      ConsentAuditEvents.changed(subject, purpose, ConsentChangeEvents.GRANTED, source, timeOf(record));
      return record;
    });
  }

  @Override
  public Object[] withdraw(String subject, String purpose, String source) {
    return AgentAudit.consentChange(() -> {
      Object[] record = ledger.withdraw(subject, purpose, source);
      ConsentAuditEvents.changed(subject, purpose, ConsentChangeEvents.WITHDRAWN, source, timeOf(record));
      return record;
    });
  }

  /** The time the store wrote into the record ({@link ConsentBridge.Ledger}'s layout), or null. */
  private static Instant timeOf(Object[] record) {
    return record != null && record.length > 3 && record[3] instanceof Instant time ? time : null;
  }

  @Override
  public boolean isGranted(String subject, String purpose) {
    return ledger.isGranted(subject, purpose);
  }

  @Override
  public List<Object[]> history(String subject) {
    return ledger.history(subject);
  }
}

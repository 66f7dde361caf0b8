package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.audit.ConsentAuditEvents;
import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.core.consent.ConsentDecision;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Decides each call of a {@code @ConsentRequired} method: resolves the subject, asks the ledger,
 * and in enforce mode answers with the exception to throw or the value to return instead of the
 * body.
 *
 * <p>A store that cannot answer follows {@code on-store-error}. Any other failure in here is the
 * agent's own: it is reported once and the call goes ahead, so the agent cannot break the
 * application.
 */
public final class ConsentGate implements ConsentBridge.Gate {
  private final NumberedRules<ConsentRule> rules;
  private final Supplier<ConsentLedger> ledger;
  private final SubjectPseudonym pseudonym;
  private final UnknownPurposes unknownPurposes;
  private final boolean monitorOnly;
  private final boolean allowOnStoreError;
  private final SubjectResolver subjects = new SubjectResolver();
  private final DeniedExceptions exceptions = new DeniedExceptions();
  private final AtomicLong monitoredDenials = new AtomicLong();
  /** Calls decided by {@code on-store-error} since the store last answered: 0 while it answers. */
  private final AtomicLong storeErrors = new AtomicLong();

  /**
   * @param rules the rules of the instrumented methods
   * @param ledger the ledger, opened on first use
   * @param pseudonym how subjects appear in exceptions
   * @param unknownPurposes says, at a method's first call, which of its purposes no grant can match
   * @param monitorOnly never block
   * @param allowOnStoreError whether a store that cannot answer allows the call
   */
  public ConsentGate(
      NumberedRules<ConsentRule> rules,
      Supplier<ConsentLedger> ledger,
      SubjectPseudonym pseudonym,
      UnknownPurposes unknownPurposes,
      boolean monitorOnly,
      boolean allowOnStoreError) {
    this.rules = rules;
    this.ledger = ledger;
    this.pseudonym = pseudonym;
    this.unknownPurposes = unknownPurposes;
    this.monitorOnly = monitorOnly;
    this.allowOnStoreError = allowOnStoreError;
  }

  @Override
  public Object check(int ruleId, Class<?> declaringType, Object[] arguments) {
    ConsentRule rule = rules.get(ruleId);
    if (rule == null) {
      AgentReport.once("no-rule", "internal error: a consent rule is missing; the call was allowed");
      return null;
    }
    unknownPurposes.firstCall(ruleId, rule);
    try {
      if (rule.resumes(declaringType, arguments)) {
        return null; // a suspend function going on after a suspension: decided when it was called
      }
      String subject = subject(rule, declaringType, arguments);
      Reason denied = subject == null ? Reason.NO_SUBJECT : decide(subject, rule);
      ConsentAuditEvents.decided(rule, declaringType, subject, denied == null ? null : denied.name());
      if (denied == null) {
        return null;
      }
      if (monitorOnly) {
        monitoredDenials.incrementAndGet();
        return null;
      }
      if (rule.skip()) {
        return new Object[] {SkipDefaults.value(rule.skipValue(), declaringType)};
      }
      return exceptions.create(
          declaringType, rule, denied.name(), subject == null ? null : pseudonym.of(subject));
    } catch (Throwable internal) {
      AgentReport.once(
          "gate:" + internal.getClass().getName(),
          "internal error while checking consent for "
              + rule.activity()
              + " ("
              + AgentReport.describe(internal)
              + "); the call was allowed");
      return null;
    }
  }

  /**
   * Records {@code access.failed} for a call this gate let run that ended by throwing, with the
   * subject resolved as for its decision. Never throws: a failure here is reported once.
   */
  @Override
  public void failed(int ruleId, Class<?> declaringType, Object[] arguments, Throwable failure) {
    ConsentRule rule = rules.get(ruleId);
    if (rule == null || !ConsentAuditEvents.auditingAccess()) {
      return;
    }
    try {
      if (arguments != null && rule.resumes(declaringType, arguments)) {
        return; // a suspend function's resumption: decided and recorded when it was called
      }
      String subject = arguments == null ? null : subject(rule, declaringType, arguments);
      ConsentAuditEvents.failed(rule.activity(), rule.purposes(), declaringType, subject, failure);
    } catch (Throwable internal) {
      AgentReport.once(
          "gate-failed:" + internal.getClass().getName(),
          "internal error while auditing a failed call of "
              + rule.activity()
              + " ("
              + AgentReport.describe(internal)
              + "); its exception went on unaudited");
    }
  }

  /**
   * The call's data subject, or null when none can be found; also null, reported once per
   * activity, when reading it fails: a {@code @DataSubject} accessor or a subject's {@code
   * toString} of the application that throws (a lazy proxy whose session is closed, say) leaves the
   * call without a subject, so it is decided as such (fail closed) rather than let through.
   */
  private String subject(ConsentRule rule, Class<?> declaringType, Object[] arguments) {
    try {
      return subjects.resolve(rule, declaringType, arguments);
    } catch (Throwable unreadable) {
      AgentReport.once(
          "subject:" + rule.activity(),
          "the data subject of a call of " + rule.activity() + " could not be read ("
              + AgentReport.describe(unreadable) + "); such calls are decided as having no subject ("
              + Reason.NO_SUBJECT + ")");
      return null;
    }
  }

  private Reason decide(String subject, ConsentRule rule) {
    ConsentLedger current;
    ConsentDecision decision;
    try {
      current = ledger.get();
      decision = current.decideAll(subject, rule.purposes());
    } catch (ConsentStoreException e) {
      String policy = "; consent decisions follow piiwarden.consent.on-store-error="
          + (allowOnStoreError ? "allow" : "deny");
      if (storeErrors.getAndIncrement() == 0) {
        AgentReport.each(e.getMessage() + policy + " until it answers again"); // each outage once
      } else {
        AgentReport.counted();
      }
      return allowOnStoreError ? null : Reason.STORE_UNAVAILABLE;
    }
    if (storeErrors.get() > 0) {
      long decided = storeErrors.getAndSet(0);
      if (decided > 0) {
        AgentReport.each("consent store " + current.describeStore() + " answers again; " + decided
            + (decided == 1 ? " call was" : " calls were") + " decided by piiwarden.consent.on-store-error="
            + (allowOnStoreError ? "allow" : "deny") + " meanwhile");
      }
    }
    return decision.granted() ? null : decision.reason();
  }

  /** Denials that monitor mode let through. */
  public long monitoredDenials() {
    return monitoredDenials.get();
  }
}

package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.inventory.ActivityCatalog;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import java.time.Instant;
import java.util.List;

/**
 * The consent decisions, the accesses that follow them and the ledger changes, as audit events.
 * Called on the application's threads: each call does its work in a few microseconds and queues
 * the event, and never throws (a failure here is reported once and the call goes on as decided).
 */
public final class ConsentAuditEvents {
  private static final ActorLookup ACTORS = new ActorLookup();

  private ConsentAuditEvents() {}

  /**
   * Records the decision on one call of a {@code @ConsentRequired} method: {@code
   * consent.granted} or {@code consent.denied} (with the reason, and {@code mode=monitor} when
   * monitor mode lets the call run), then an {@code access} event when the body runs and {@code
   * piiwarden.audit.access} selects it.
   *
   * @param subject the raw subject id, pseudonymised here, or null when none was found
   * @param deniedReason null when granted, else the reason's name ({@code NOT_GRANTED}, …)
   */
  public static void decided(
      ConsentRule rule, Class<?> declaringType, String subject, String deniedReason) {
    if (AgentAudit.pseudonymizer() == null) {
      return;
    }
    try {
      String pseudonym = AgentAudit.pseudonym(subject);
      String actor = ACTORS.actorFor(declaringType);
      List<String> categories = ActivityCatalog.categoriesOf(rule.activity());
      AuditEvent.Builder decision = AuditEvent.of(deniedReason == null
              ? AuditEventType.CONSENT_GRANTED : AuditEventType.CONSENT_DENIED)
          .subject(pseudonym).actor(actor).purposes(rule.purposes()).activity(rule.activity())
          .categories(categories).reason(deniedReason);
      boolean runs = deniedReason == null || AgentAudit.monitorOnly();
      if (deniedReason != null && runs) {
        decision.detail("mode", "monitor");
      }
      AgentAudit.record(decision.build());
      if (runs && AgentAudit.access() != AccessEvents.NONE) {
        AgentAudit.record(AuditEvent.of(AuditEventType.ACCESS)
            .subject(pseudonym).actor(actor).purposes(rule.purposes()).activity(rule.activity())
            .categories(categories).build());
      }
    } catch (Throwable failure) {
      AgentReport.once("audit-decision:" + failure.getClass().getName(),
          "could not audit a consent decision (" + AgentReport.describe(failure)
              + "); the decision stands");
    }
  }

  /** Whether there is a trail to record events in. */
  public static boolean auditing() {
    return AgentAudit.pseudonymizer() != null;
  }

  /**
   * Records an {@code access} event for one call of an activity that is not {@code
   * @ConsentRequired} ({@code piiwarden.audit.access=all}): activity, the categories it reads,
   * purposes, actor and subject pseudonym.
   *
   * @param subject the raw subject id, pseudonymised here, or null when none was found
   */
  public static void accessed(
      String activity, List<String> purposes, Class<?> declaringType, String subject) {
    if (AgentAudit.pseudonymizer() == null || AgentAudit.access() != AccessEvents.ALL) {
      return;
    }
    try {
      AgentAudit.record(AuditEvent.of(AuditEventType.ACCESS)
          .subject(AgentAudit.pseudonym(subject)).actor(ACTORS.actorFor(declaringType))
          .purposes(purposes).activity(activity)
          .categories(ActivityCatalog.categoriesOf(activity)).build());
    } catch (Throwable failure) {
      AgentReport.once("audit-access:" + failure.getClass().getName(),
          "could not audit an access (" + AgentReport.describe(failure) + ")");
    }
  }

  /**
   * Records an {@code access.failed} event for a call that got an {@code access} event and then
   * ended by throwing {@code failure}: the fields of that {@code access} event, and the reason,
   * which is the exception's class name only.
   *
   * @param subject the raw subject id, pseudonymised here, or null when none was found
   */
  public static void failed(String activity, List<String> purposes, Class<?> declaringType,
      String subject, Throwable failure) {
    if (AgentAudit.pseudonymizer() == null || AgentAudit.access() == AccessEvents.NONE) {
      return;
    }
    try {
      AgentAudit.record(AuditEvent.of(AuditEventType.ACCESS_FAILED)
          .subject(AgentAudit.pseudonym(subject)).actor(ACTORS.actorFor(declaringType))
          .purposes(purposes).activity(activity)
          .categories(ActivityCatalog.categoriesOf(activity))
          .reason(failure.getClass().getName()).build());
    } catch (Throwable internal) {
      AgentReport.once("audit-failed:" + internal.getClass().getName(),
          "could not audit a call that ended by throwing (" + AgentReport.describe(internal) + ")");
    }
  }

  /** Whether {@code access} events, and so {@code access.failed} events, are written at all. */
  public static boolean auditingAccess() {
    return AgentAudit.pseudonymizer() != null && AgentAudit.access() != AccessEvents.NONE;
  }

  /**
   * Records a grant or withdrawal made through {@code Consents}: {@code consent.changed} with the
   * purpose, {@code state} ({@code GRANTED}, {@code WITHDRAWN}), {@code source} and the actor of
   * the calling thread's privacy context, and {@code recorded}, the time of the ledger record the
   * store wrote (null: left out).
   */
  public static void changed(String subject, String purpose, String state, String source,
      Instant recorded) {
    if (AgentAudit.pseudonymizer() == null) {
      return;
    }
    try {
      AgentAudit.record(ConsentChangeEvents.changed(AgentAudit.pseudonymizer(), subject,
          ACTORS.actorOfThisThread(), purpose, state, source, recorded));
    } catch (Throwable failure) {
      AgentReport.once("audit-change:" + failure.getClass().getName(),
          "could not audit a consent change (" + AgentReport.describe(failure) + ")");
    }
  }
}

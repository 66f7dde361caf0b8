package dev.piiwarden.core.audit;

import dev.piiwarden.core.redaction.Redactor;
import java.time.Instant;

/**
 * The {@code consent.changed} event (SPEC §7: a grant or withdrawal through {@code Consents} or
 * the CLI), built in one place for the agent and {@code piiwarden consent grant|withdraw}: the
 * subject only as its pseudonym, the purpose, {@code state} ({@value #GRANTED} or {@value
 * #WITHDRAWN}), {@code source}, the actor and {@code recorded}: the ledger record's own time as
 * the store wrote it, by which {@code piiwarden consent verify} matches the event to its record
 * exactly (the event's {@code ts} is taken a moment later). The trail holds no raw personal data
 * (SPEC §7), and a source ({@code email from kim@example.com}) or an actor (a support agent's
 * e-mail login) may carry some: both go through the default redaction first.
 */
public final class ConsentChangeEvents {
  /** The {@code state} of a grant. */
  public static final String GRANTED = "GRANTED";
  /** The {@code state} of a withdrawal. */
  public static final String WITHDRAWN = "WITHDRAWN";

  /** The detail holding the ledger record's time. */
  public static final String RECORDED = "recorded";

  private static final Redactor REDACTOR = Redactor.withDefaults();

  private ConsentChangeEvents() {}

  /** {@code text} with the personal data the default redaction finds masked; null for null. */
  public static String redacted(String text) {
    return REDACTOR.redact(text);
  }

  /**
   * The event for one change the store accepted, without {@code recorded}: for a writer that does
   * not have the record the store wrote.
   *
   * @param pseudonymizer the trail's pseudonymizer: the raw id goes no further than this
   * @param subjectId the data subject's raw id
   * @param actor who made the change, or null; redacted here
   * @param purpose the purpose granted or withdrawn
   * @param state {@value #GRANTED} or {@value #WITHDRAWN}
   * @param source where the change came from, or null; redacted here
   */
  public static AuditEvent changed(Pseudonymizer pseudonymizer, String subjectId, String actor,
      String purpose, String state, String source) {
    return changed(pseudonymizer, subjectId, actor, purpose, state, source, null);
  }

  /**
   * The event for one change the store accepted, with the time of the record the store wrote.
   *
   * @param pseudonymizer the trail's pseudonymizer: the raw id goes no further than this
   * @param subjectId the data subject's raw id
   * @param actor who made the change, or null; redacted here
   * @param purpose the purpose granted or withdrawn
   * @param state {@value #GRANTED} or {@value #WITHDRAWN}
   * @param source where the change came from, or null; redacted here
   * @param recorded the ledger record's {@code time}, or null when unknown; written as {@code
   *     recorded} in the form the ledger stores it ({@link Instant#toString})
   */
  public static AuditEvent changed(Pseudonymizer pseudonymizer, String subjectId, String actor,
      String purpose, String state, String source, Instant recorded) {
    AuditEvent.Builder change = AuditEvent.of(AuditEventType.CONSENT_CHANGED)
        .subject(pseudonymizer.pseudonym(subjectId)).actor(redacted(actor)).purposes(purpose)
        .detail("state", state);
    if (recorded != null) {
      change.detail(RECORDED, recorded.toString());
    }
    if (source != null) {
      change.detail("source", redacted(source));
    }
    return change.build();
  }
}

package dev.piiwarden.core.audit;

import dev.piiwarden.core.redaction.Redactor;

/**
 * The {@code consent.changed} event (SPEC §7: a grant or withdrawal through {@code Consents} or
 * the CLI), built in one place for the agent and {@code piiwarden consent grant|withdraw}: the
 * subject only as its pseudonym, the purpose, {@code state} ({@value #GRANTED} or {@value
 * #WITHDRAWN}), {@code source} and the actor. The trail holds no raw personal data (SPEC §7), and
 * a source ({@code email from kim@example.com}) or an actor (a support agent's e-mail login) may
 * carry some: both go through the default redaction first.
 */
public final class ConsentChangeEvents {
  /** The {@code state} of a grant. */
  public static final String GRANTED = "GRANTED";
  /** The {@code state} of a withdrawal. */
  public static final String WITHDRAWN = "WITHDRAWN";

  private static final Redactor REDACTOR = Redactor.withDefaults();

  private ConsentChangeEvents() {}

  /** {@code text} with the personal data the default redaction finds masked; null for null. */
  public static String redacted(String text) {
    return REDACTOR.redact(text);
  }

  /**
   * The event for one change the store accepted.
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
    AuditEvent.Builder change = AuditEvent.of(AuditEventType.CONSENT_CHANGED)
        .subject(pseudonymizer.pseudonym(subjectId)).actor(redacted(actor)).purposes(purpose)
        .detail("state", state);
    if (source != null) {
      change.detail("source", redacted(source));
    }
    return change.build();
  }
}

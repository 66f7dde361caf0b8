package dev.piiwarden.core.audit;

/**
 * The {@code consent.changed} event (SPEC §7: a grant or withdrawal through {@code Consents} or
 * the CLI), built in one place for the agent and {@code piiwarden consent grant|withdraw}: the
 * subject only as its pseudonym, the purpose, {@code state} ({@value #GRANTED} or {@value
 * #WITHDRAWN}), {@code source} and the actor.
 */
public final class ConsentChangeEvents {
  /** The {@code state} of a grant. */
  public static final String GRANTED = "GRANTED";
  /** The {@code state} of a withdrawal. */
  public static final String WITHDRAWN = "WITHDRAWN";

  private ConsentChangeEvents() {}

  /**
   * The event for one change the store accepted.
   *
   * @param pseudonymizer the trail's pseudonymizer: the raw id goes no further than this
   * @param subjectId the data subject's raw id
   * @param actor who made the change, or null
   * @param purpose the purpose granted or withdrawn
   * @param state {@value #GRANTED} or {@value #WITHDRAWN}
   * @param source where the change came from, or null
   */
  public static AuditEvent changed(Pseudonymizer pseudonymizer, String subjectId, String actor,
      String purpose, String state, String source) {
    AuditEvent.Builder change = AuditEvent.of(AuditEventType.CONSENT_CHANGED)
        .subject(pseudonymizer.pseudonym(subjectId)).actor(actor).purposes(purpose)
        .detail("state", state);
    if (source != null) {
      change.detail("source", source);
    }
    return change.build();
  }
}

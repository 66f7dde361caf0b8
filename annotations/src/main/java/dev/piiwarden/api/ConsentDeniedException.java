package dev.piiwarden.api;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a {@link dev.piiwarden.annotations.ConsentRequired} method is called without the
 * consent it requires. The subject appears only in pseudonymous form ({@code hmac:…}), so the
 * exception can be logged without leaking who it was about.
 */
public class ConsentDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why consent was denied. */
  public enum Reason {
    /** The subject never granted the purpose. */
    NOT_GRANTED,
    /** The subject withdrew the purpose. */
    WITHDRAWN,
    /** The grant has expired. */
    EXPIRED,
    /** No data subject could be resolved for the call. */
    NO_SUBJECT,
    /** The consent store could not be reached and the policy is to deny. */
    STORE_UNAVAILABLE
  }

  private final List<String> purposes;
  private final Reason reason;
  private final String subjectPseudonym;

  /**
   * @param purposes the purposes that were required
   * @param reason why consent was denied
   * @param subjectPseudonym the subject's pseudonym ({@code hmac:…}), or null when none resolved
   * @param activity the method that was called, e.g. {@code com.acme.Newsletter#send(..)}
   */
  public ConsentDeniedException(
      List<String> purposes, Reason reason, String subjectPseudonym, String activity) {
    super(message(purposes, reason, subjectPseudonym, activity));
    this.purposes = List.copyOf(purposes);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.subjectPseudonym = subjectPseudonym;
  }

  private static String message(
      List<String> purposes, Reason reason, String subjectPseudonym, String activity) {
    return "Consent required for "
        + purposes
        + " was denied ("
        + reason
        + ")"
        + (subjectPseudonym == null ? "" : " for subject " + subjectPseudonym)
        + (activity == null ? "" : " in " + activity)
        + (reason == Reason.NO_SUBJECT ? NO_SUBJECT_ADVICE : "");
  }

  /** What to do when no subject was found: where the subject of a call is looked for. */
  private static final String NO_SUBJECT_ADVICE =
      ": no argument gave a data subject and no PrivacyContext was set on the calling thread; mark"
          + " the parameter (or a member of its type) that names the subject @DataSubject, or make the"
          + " call inside PrivacyContext.as(subjectId), and hand work to other threads through"
          + " PrivacyContext.wrap(executor or task) so it keeps the context";

  /** The purposes the method required. */
  public List<String> purposes() {
    return purposes;
  }

  /** Why consent was denied. */
  public Reason reason() {
    return reason;
  }

  /** The subject's pseudonym ({@code hmac:…}), or null when no subject was resolved. */
  public String subjectPseudonym() {
    return subjectPseudonym;
  }
}

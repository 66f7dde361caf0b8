package dev.piiwarden.agent.consent;

/**
 * Names of the application's PII Warden classes. They are built at run time, not written as
 * literals, because the shade plugin rewrites literals that look like relocated class names; these
 * must keep naming the application's own, unrelocated classes.
 */
public final class ApplicationApi {
  private static final String BASE = String.join(".", "dev", "piiwarden");

  /** {@code dev.piiwarden.annotations.ConsentRequired}. */
  public static final String CONSENT_REQUIRED = BASE + ".annotations.ConsentRequired";

  /** {@code dev.piiwarden.annotations.DataSubject}. */
  public static final String DATA_SUBJECT = BASE + ".annotations.DataSubject";

  /**
   * {@code dev.piiwarden.annotations}: the annotations' package, and the module name of
   * piiwarden-annotations ({@code Automatic-Module-Name}) on a module path.
   */
  public static final String ANNOTATIONS_MODULE = BASE + ".annotations";

  /** {@code dev.piiwarden.api.PrivacyContext}. */
  public static final String PRIVACY_CONTEXT = BASE + ".api.PrivacyContext";

  /** {@code dev.piiwarden.api.ConsentDeniedException}. */
  public static final String CONSENT_DENIED = BASE + ".api.ConsentDeniedException";

  /** {@code dev.piiwarden.api.ConsentDeniedException$Reason}. */
  public static final String CONSENT_DENIED_REASON = CONSENT_DENIED + "$Reason";

  private ApplicationApi() {}
}

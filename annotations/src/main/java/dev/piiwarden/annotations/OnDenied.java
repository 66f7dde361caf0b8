package dev.piiwarden.annotations;

/** What a {@link ConsentRequired} method does when consent is missing. */
public enum OnDenied {
  /** Throw {@link dev.piiwarden.api.ConsentDeniedException}. */
  THROW,
  /**
   * Do not run the body; return the default value of the return type ({@code null}, {@code 0},
   * {@code false}).
   */
  SKIP
}

package dev.piiwarden.core.policy;

import java.util.Locale;

/** The severity of a rule's findings, named as in SARIF. */
public enum Level {
  /** Fails {@code piiwarden check} (exit 1). */
  ERROR,
  /** Reported; fails the check only with {@code --fail-on-warning}. */
  WARNING,
  /** Reported for information. */
  NOTE;

  /** "error", "warning" or "note": the SARIF level and the policy file's spelling. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.piiwarden.agent.audit;

import java.util.Locale;

/** Which activities emit {@code access} events ({@code piiwarden.audit.access}). */
enum AccessEvents {
  /** The {@code @ConsentRequired} methods, one event per call whose body runs. */
  ANNOTATED,
  /**
   * As {@link #ANNOTATED}, and every other activity of a class's inventory fragment that reads
   * personal data, one event per call (no consent check).
   */
  ALL,
  /** No access events; consent decisions are still audited. */
  NONE;

  static AccessEvents of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

package dev.piiwarden.agent.audit;

import java.util.Locale;

/** Which activities emit {@code access} events ({@code piiwarden.audit.access}). */
enum AccessEvents {
  /**
   * Activities the agent instruments: today the {@code @ConsentRequired} methods, one event per
   * call whose body runs.
   */
  ANNOTATED,
  /**
   * Every activity of the inventory. Activities without {@code @ConsentRequired} are not
   * instrumented yet, so for now this is the same as {@link #ANNOTATED}.
   */
  ALL,
  /** No access events; consent decisions are still audited. */
  NONE;

  static AccessEvents of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

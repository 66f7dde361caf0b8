package dev.piiwarden.agent.audit;

import java.util.Locale;

/** Which activities emit {@code access} events ({@code piiwarden.audit.access}). */
enum AccessEvents {
  /**
   * Activities the agent instruments: the {@code @ConsentRequired} methods, one event per call
   * whose body runs. ({@code all}, every activity of the inventory, is refused at start as not
   * supported yet: {@code OptionChecks.auditAccess}.)
   */
  ANNOTATED,
  /** No access events; consent decisions are still audited. */
  NONE;

  static AccessEvents of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

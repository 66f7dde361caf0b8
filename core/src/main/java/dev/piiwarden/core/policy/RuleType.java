package dev.piiwarden.core.policy;

/** What a rule asks of the inventory. */
public enum RuleType {
  /** Matching data must not reach the rule's {@code sinks} kinds. */
  DENY_SINK("deny-sink"),
  /** Matching data must not be used for the matching purposes (elements and activities). */
  DENY_PURPOSE("deny-purpose"),
  /** Matching data elements must declare a retention. */
  REQUIRE_RETENTION("require-retention"),
  /** Matching data elements must declare a lawful basis (one of {@code bases} when given). */
  REQUIRE_BASIS("require-basis"),
  /** Activities acting for the matching purposes must require consent to them. */
  REQUIRE_CONSENT("require-consent");

  private final String id;

  RuleType(String id) {
    this.id = id;
  }

  /** The name in policy files, e.g. {@code deny-sink}. */
  public String id() {
    return id;
  }
}

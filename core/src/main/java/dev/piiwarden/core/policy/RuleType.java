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
  REQUIRE_CONSENT("require-consent"),
  /**
   * Activities that read matching data must declare their purposes: the criteria (and {@code bases},
   * when given) select the data by its category, subject, the purposes it was collected for and its
   * basis; an activity reading such data with no purposes of its own is a violation.
   */
  REQUIRE_PURPOSE("require-purpose");

  private final String id;

  RuleType(String id) {
    this.id = id;
  }

  /** The name in policy files, e.g. {@code deny-sink}. */
  public String id() {
    return id;
  }
}

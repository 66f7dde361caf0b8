package dev.piiwarden.core.policy;

import java.util.List;

/**
 * A set of rules the inventory is checked against by {@link PolicyCheck}.
 *
 * @param name the policy's name, for reports
 * @param rules its rules, in file order
 */
public record Policy(String name, List<PolicyRule> rules) {
  /** Copies the rules. */
  public Policy {
    rules = List.copyOf(rules);
  }
}

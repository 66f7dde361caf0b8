package dev.piiwarden.core.policy;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.Set;

/**
 * One rule of a policy. Its criteria select what it applies to; all given criteria must hold, as in
 * a Fides rule. Then its type says what is a violation.
 *
 * @param id a stable id, reported with every finding and used as the SARIF rule id
 * @param description what the rule asks, in a sentence
 * @param level the level of its findings
 * @param type what it asks
 * @param categories the data categories it applies to, or null for all
 * @param purposes the purposes it applies to, or null for all
 * @param subjects the data subjects it applies to, or null for all
 * @param sinks for {@link RuleType#DENY_SINK}: the denied sink kinds
 * @param bases for {@link RuleType#REQUIRE_BASIS}: the accepted bases, empty accepts any declared one;
 *     for {@link RuleType#REQUIRE_PURPOSE}: the bases of the data it applies to, empty for any
 */
public record PolicyRule(
    String id,
    String description,
    Level level,
    RuleType type,
    KeyCriterion categories,
    KeyCriterion purposes,
    KeyCriterion subjects,
    Set<SinkKind> sinks,
    Set<LawfulBasis> bases) {

  /** Copies the sets. */
  public PolicyRule {
    sinks = Set.copyOf(sinks);
    bases = Set.copyOf(bases);
  }
}

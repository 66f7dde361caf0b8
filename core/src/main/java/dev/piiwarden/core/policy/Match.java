package dev.piiwarden.core.policy;

/**
 * How a rule's values are matched against the keys of what is checked, as in Fides policy rules. A
 * value matches a key when it is the key or an ancestor of it.
 */
public enum Match {
  /** At least one value matches one of the keys. */
  ANY,
  /** Every value matches at least one of the keys. */
  ALL,
  /** No value matches any of the keys. */
  NONE
}

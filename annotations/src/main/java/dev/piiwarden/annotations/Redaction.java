package dev.piiwarden.annotations;

/** How a personal data value is rendered in logs. */
public enum Redaction {
  /** Replaced by {@code [REDACTED:<category>]}. */
  MASK,
  /** Replaced by a keyed, stable hash token, so that lines about one person still correlate. */
  HASH,
  /** All but the last four characters masked, e.g. {@code ************4242}. */
  PARTIAL,
  /** Left out entirely. */
  OMIT
}

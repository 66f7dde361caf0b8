package dev.piiwarden.core.redaction;

/** How a detected value is replaced. */
public enum RedactionStyle {
  /** {@code [REDACTED:<type>]}. */
  MASK,
  /**
   * {@code [<type>:<16 hex digits>]}: the first 64 bits of HMAC-SHA256 over the normalised value,
   * with the configured key, so lines about one value still correlate without showing it.
   */
  HASH
}

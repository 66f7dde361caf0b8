package dev.piiwarden.core.inventory;

/** How directly personal data was seen to reach a sink. */
public enum Confidence {
  /** The value read is an argument of the sink call. */
  DIRECT,
  /** Through a local variable assigned from the value. */
  VIA_LOCAL,
  /** Through a call to another method that reaches the sink. */
  VIA_CALL,
  /** Inside a lambda or anonymous class. */
  LAMBDA
}

package dev.piiwarden.core.consent;

/**
 * A {@code file:} ledger whose damaged line stands in the way of a subject's records ({@link
 * LedgerDamage}): the store is reachable, but those records cannot be decided until the line is
 * repaired. The message names the line and how to repair it.
 */
public class ConsentStoreDamagedException extends ConsentStoreException {
  private static final long serialVersionUID = 1L;

  /** A damaged line named in {@code message}. */
  public ConsentStoreDamagedException(String message) {
    super(message);
  }
}

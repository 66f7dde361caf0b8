package dev.piiwarden.core.consent;

/**
 * A store opened only for reading does not exist: no ledger file, no SQLite database file, or a
 * database without the {@code piiwarden_consent} table. A read must not create a store, and must
 * not answer "no records" for a store that was never there (a mistyped path).
 */
public class ConsentStoreMissingException extends ConsentStoreException {
  private static final long serialVersionUID = 1L;

  /** A store that is not there. */
  public ConsentStoreMissingException(String message) {
    super(message);
  }
}

package dev.piiwarden.core.consent;

/**
 * A {@code file:} ledger that others than the process's user may write ({@link LedgerFileAccess}):
 * whoever may write it could record consent in anyone's name, so it is not read or written. The
 * message names the file, its mode or owner and the fix ({@code chmod 600}, {@code chown}).
 */
public class ConsentStoreAccessException extends ConsentStoreException {
  private static final long serialVersionUID = 1L;

  /** A ledger file open to others. */
  public ConsentStoreAccessException(String message) {
    super(message);
  }
}

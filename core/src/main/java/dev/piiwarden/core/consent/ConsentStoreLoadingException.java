package dev.piiwarden.core.consent;

/**
 * The store could not answer in time because it is still loading at start (a large {@code file:}
 * ledger is read into memory once). Decisions follow {@code on-store-error} as for any store that
 * cannot answer, but the message says that the store is loading, not that it is down.
 */
public class ConsentStoreLoadingException extends ConsentStoreException {
  private static final long serialVersionUID = 1L;

  /** A store still loading. */
  public ConsentStoreLoadingException(String message, Throwable cause) {
    super(message, cause);
  }
}

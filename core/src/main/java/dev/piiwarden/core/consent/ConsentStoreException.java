package dev.piiwarden.core.consent;

/**
 * A consent store could not be read or written: the database is down, the file is not writable.
 * Messages name the store without credentials and never contain a subject id.
 */
public class ConsentStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public ConsentStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure without an underlying exception. */
  public ConsentStoreException(String message) {
    super(message);
  }
}

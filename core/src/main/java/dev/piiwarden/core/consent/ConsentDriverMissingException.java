package dev.piiwarden.core.consent;

/**
 * A {@code jdbc:} consent store whose URL no JDBC driver on the class path accepts: nothing was
 * tried against the database. The message names the URL's scheme, never its credentials.
 */
public final class ConsentDriverMissingException extends ConsentStoreException {
  private static final long serialVersionUID = 1L;

  ConsentDriverMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}

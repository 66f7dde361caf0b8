package dev.piiwarden.core.taxonomy;

/** A taxonomy file that cannot be used; the message names the file and what is wrong. */
public class TaxonomyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the file and the problem. */
  public TaxonomyException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public TaxonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.piiwarden.core.audit;

/**
 * A problem with audit input or configuration that the user can fix: a missing or unsafe key
 * file, an unreadable trail file, a bad sink URI. The message is one line naming the file or
 * option, what is wrong and what to do; it never holds personal data.
 */
public class AuditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem with a message and its cause. */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem with a message. */
  public AuditException(String message) {
    super(message);
  }
}

package dev.piiwarden.samples.accounts.service;

/**
 * A request the service refuses. Like many real services it puts what it was given into the
 * message ("email already registered: ana@example.com"), which it logs; the agent redacts it
 * there. The client is answered with {@link #shown}, which repeats no submitted value.
 */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, which the HTTP layer turns into a status. */
  public enum Kind {
    INVALID(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    CONFLICT(409),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String shown;

  public AccountException(Kind kind, String message) {
    this(kind, message, message, null);
  }

  public AccountException(Kind kind, String message, Throwable cause) {
    this(kind, message, message, cause);
  }

  /** A message for the log and a shorter one, without the submitted value, for the client. */
  public static AccountException withValue(Kind kind, String shown, Object value) {
    return new AccountException(kind, shown + ": " + value, shown, null);
  }

  private AccountException(Kind kind, String message, String shown, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.shown = shown;
  }

  /** What the client is told. */
  public String shown() {
    return shown;
  }

  public Kind kind() {
    return kind;
  }
}

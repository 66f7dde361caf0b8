package dev.piiwarden.samples.accounts.service;

/**
 * A request the service refuses. Like many real services it puts what it was given into the
 * message ("email already registered: ana@example.com"); the agent redacts it in logs.
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

  public AccountException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public AccountException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

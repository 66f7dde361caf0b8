package dev.piiwarden.cli;

/**
 * A failure a command reports as one line on stderr with an exit code, e.g. an output file that
 * cannot be written.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure with the formatted message and its cause, kept for {@code --debug}. */
  public CommandFailure(int exitCode, Throwable cause, CliMessage message, Object... args) {
    super(message.format(args), cause);
    this.exitCode = exitCode;
  }

  /** The exit code the command ends with. */
  public int exitCode() {
    return exitCode;
  }
}

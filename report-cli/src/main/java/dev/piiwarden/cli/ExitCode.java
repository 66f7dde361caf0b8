package dev.piiwarden.cli;

/** The exit codes of every {@code piiwarden} command (SPEC §8, plus one for internal errors). */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The command ran and found something: policy violations, changes, a broken audit chain. */
  public static final int FINDINGS = 1;
  /** A usage error or bad input: the user can fix it. */
  public static final int USAGE = 2;
  /** A bug in PII Warden, not in what it was given. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}

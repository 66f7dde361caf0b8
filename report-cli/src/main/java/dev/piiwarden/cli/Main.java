package dev.piiwarden.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/** The {@code piiwarden} command's entry point. */
public final class Main {
  private Main() {}

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command in-process, taking {@code PIIWARDEN_DEBUG} from the environment.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs the command in-process with the given environment.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    try {
      return PiiWardenCommand.commandLine(outWriter, errWriter, DebugSwitch.fromEnvironment(env))
          .execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }
}

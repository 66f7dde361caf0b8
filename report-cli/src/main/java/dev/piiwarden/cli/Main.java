package dev.piiwarden.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** The {@code piiwarden} command's entry point. */
public final class Main {
  /** Why a write to stdout failed: a print stream does not say. */
  public static final String STDOUT_FAILED = "the stream was closed or the device is full";

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
    return run(args, System.in, out, err, env);
  }

  /**
   * Runs the command in-process with the given standard input and environment.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    try {
      CommandLine commandLine =
          PiiWardenCommand.commandLine(outWriter, errWriter, DebugSwitch.fromEnvironment(env));
      StreamCommand.connect(commandLine, in, out);
      int exitCode = commandLine.execute(args);
      if ((exitCode == ExitCode.OK || exitCode == ExitCode.FINDINGS) && outWriter.checkError()) {
        // A print stream keeps a failed write to itself: `piiwarden inventory … > inventory.json`
        // on a full disk would otherwise end with 0 and a cut file. A run that failed has said why.
        errWriter.println(CliMessage.CANNOT_WRITE_OUTPUT.format("stdout", STDOUT_FAILED));
        return ExitCode.USAGE;
      }
      return exitCode;
    } catch (OutOfMemoryError e) {
      // An input too big for the heap (a giant one-line file, say) is no bug: say how to run it.
      // What held the memory is unreachable by now, so printing works.
      errWriter.println(CliMessage.OUT_OF_MEMORY.format(Runtime.getRuntime().maxMemory() >> 20));
      return ExitCode.USAGE;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }
}

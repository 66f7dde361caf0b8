package dev.piiwarden.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code piiwarden} in-process through {@link Main#run}, capturing stdout and stderr. */
public final class CliRun {
  private CliRun() {}

  /** Runs with an environment that has no {@code PIIWARDEN_DEBUG}. */
  public static CliResult run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs with the given environment. */
  public static CliResult run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Main.run(args, outStream, errStream, env);
    }
    return new CliResult(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

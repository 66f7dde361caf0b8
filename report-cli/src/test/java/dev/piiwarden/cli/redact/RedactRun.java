package dev.piiwarden.cli.redact;

import dev.piiwarden.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs {@code piiwarden redact} in-process with bytes on stdin, keeping stdout as bytes. */
record RedactRun(int exitCode, byte[] out, String err) {
  static RedactRun of(byte[] stdin, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[options.length + 1];
    args[0] = "redact";
    System.arraycopy(options, 0, args, 1, options.length);
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Main.run(args, new ByteArrayInputStream(stdin), outStream, errStream, Map.of());
    }
    return new RedactRun(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  static RedactRun of(String stdin, String... options) {
    return of(stdin.getBytes(StandardCharsets.UTF_8), options);
  }

  String text() {
    return new String(out, StandardCharsets.UTF_8);
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + text() + "\n--- stderr\n" + err;
  }
}

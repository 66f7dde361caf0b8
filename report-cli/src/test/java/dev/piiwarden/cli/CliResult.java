package dev.piiwarden.cli;

import java.util.List;

/**
 * What one run of the command gave: its exit code, stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out everything printed on stdout
 * @param err everything printed on stderr
 */
public record CliResult(int exitCode, String out, String err) {
  /** The stderr lines, without line ends. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  /** For assertion messages: the whole run. */
  public String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}

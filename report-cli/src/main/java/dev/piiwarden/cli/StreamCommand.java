package dev.piiwarden.cli;

import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine;

/**
 * A command that filters bytes from standard input to standard output ({@code redact}). picocli
 * hands commands character writers only; such a command needs the byte streams themselves, so
 * that what it reads and writes is not re-encoded in the platform's charset.
 */
public interface StreamCommand {
  /** Gives the command the process's (or the in-process caller's) stdin and stdout. */
  void useStreams(InputStream stdin, OutputStream stdout);

  /** Hands the streams to every command of {@code commandLine} that wants them. */
  static void connect(CommandLine commandLine, InputStream stdin, OutputStream stdout) {
    if (commandLine.getCommand() instanceof StreamCommand command) {
      command.useStreams(stdin, stdout);
    }
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      connect(subcommand, stdin, stdout);
    }
  }
}

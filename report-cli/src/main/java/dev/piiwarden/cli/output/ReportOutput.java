package dev.piiwarden.cli.output;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where a command's report goes: stdout, or the file named by {@code --out}. */
public final class ReportOutput {
  private ReportOutput() {}

  /**
   * Writes the text to {@code file} as UTF-8, creating missing folders, or to {@code stdout} when
   * {@code file} is null.
   *
   * @throws CommandFailure (exit 2) when the file cannot be written
   */
  public static void write(String text, Path file, PrintWriter stdout) {
    if (file == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * Opens {@code file} for writing, creating missing folders, for a command that streams its
   * output.
   *
   * @throws CommandFailure (exit 2) when the file cannot be created
   */
  public static OutputStream open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newOutputStream(file);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /** The exit 2 failure for an output file that cannot be written. */
  public static CommandFailure cannotWrite(Path file, IOException e) {
    if (file.toString().isEmpty()) {
      // --out= with nothing after it: the working folder, which is no file
      return new CommandFailure(ExitCode.USAGE, e, CliMessage.EMPTY_OUT);
    }
    return new CommandFailure(ExitCode.USAGE, e, CliMessage.CANNOT_WRITE_OUTPUT, file, reason(e));
  }

  /** What went wrong with a file, in a few words for a one-line message. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileAlreadyExistsException inTheWay) {
      return inTheWay.getFile() + " is a file, not a folder";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return Objects.requireNonNullElse(e.getMessage(), "an I/O error");
  }
}

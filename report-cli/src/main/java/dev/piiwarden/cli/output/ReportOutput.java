package dev.piiwarden.cli.output;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where a command's report goes: stdout, or the file named by {@code --out}. */
public final class ReportOutput {
  private ReportOutput() {}

  /**
   * Writes the text to {@code file} as UTF-8, creating missing folders, or to {@code stdout} when
   * {@code file} is null. The file is replaced only once the whole text is written ({@link
   * ReplacedFile}): a write that fails leaves its previous content.
   *
   * @throws CommandFailure (exit 2) when the file cannot be written
   */
  public static void write(String text, Path file, PrintWriter stdout) {
    if (file == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    ReplacedFile replaced = open(file);
    try {
      replaced.write(text.getBytes(StandardCharsets.UTF_8));
      replaced.close();
    } catch (IOException e) {
      throw cannotWrite(file, e);
    } finally {
      replaced.discard();
    }
  }

  /**
   * Opens {@code file} for writing, creating missing folders, for a command that streams its
   * output: {@link ReplacedFile#close} puts it in place, {@link ReplacedFile#discard} (after a
   * failure) leaves the file as it was.
   *
   * @throws CommandFailure (exit 2) when the file cannot be created
   */
  public static ReplacedFile open(Path file) {
    try {
      return ReplacedFile.open(file);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * Refuses an {@code --out} that is one of the command's inputs (the same file under another
   * name too: a symbolic or hard link), before anything is written: the report would replace it.
   *
   * @throws CommandFailure (exit 2) naming both
   */
  public static void checkNotAnInput(Path out, List<NamedInput> inputs) {
    if (out == null || !Files.exists(out)) {
      return;
    }
    for (NamedInput input : inputs) {
      if (input.path() != null && isSameFile(out, input.path())) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.OUT_IS_AN_INPUT, out,
            input.name(), input.path());
      }
    }
  }

  private static boolean isSameFile(Path out, Path input) {
    try {
      return Files.exists(input) && Files.isSameFile(out, input);
    } catch (IOException e) {
      // a file that cannot be compared cannot be read either; reading it reports that
      return false;
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
    if (e instanceof NoSuchFileException) {
      return "no such file";
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

package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.TrailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The trail files and key file both audit commands take, checked and loaded. */
final class TrailInput {
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "The trail's files (piiwarden-audit.jsonl and its rotated files).")
  private List<Path> files;

  @Option(
      names = "--key-file",
      paramLabel = "K",
      description = "The audit key file the trail was written with (default: "
          + AuditKey.DEFAULT_FILE_NAME + " beside the first FILE).")
  private Path keyFile;

  /**
   * The files in rotation order. Bad input (exit 2): a missing or unreadable one, or files with no
   * audit record at all (empty, binary, another program's), which are no trail to verify.
   */
  List<Path> files() {
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_FILE, file,
            Files.isDirectory(file) ? "is a folder" : Files.exists(file) ? "is not a readable file"
                : "does not exist");
      }
    }
    List<Path> sorted = TrailFiles.sortedForReading(files);
    if (!badInputOnFailure(() -> TrailFiles.holdRecords(sorted))) {
      Path first = sorted.get(0);
      boolean empty = sorted.size() == 1 && badInputOnFailure(() -> sizeOf(first)) == 0;
      for (Path file : sorted) {
        if (badInputOnFailure(() -> endsLinesWithCrLf(file))) {
          throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_FILE, file,
              "has lines that end in CR LF, as a text editor or git on Windows leaves them, so no"
                  + " record reads as written: convert it back (dos2unix " + file + ") and verify again");
        }
      }
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_FILE,
          sorted.size() == 1 ? first : first + " and the other FILEs",
          empty ? "is empty" : sorted.size() == 1 ? "holds no audit record (it is not a trail"
              + " written by PII Warden, or it is damaged throughout)" : "hold no audit record");
    }
    return sorted;
  }

  /**
   * Whether the file's first line is a JSON object ended by CR LF, {@code {…}\r\n}: the writer
   * ends its lines with LF alone.
   */
  private static boolean endsLinesWithCrLf(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64 * 1024);
      for (int i = 0; i < head.length; i++) {
        if (head[i] == '\n') {
          return i >= 3 && head[0] == '{' && head[i - 1] == '\r' && head[i - 2] == '}';
        }
      }
      return false;
    } catch (java.io.IOException e) {
      throw new AuditException("cannot read audit file " + file + " (" + e + ")", e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AuditException("cannot read audit file " + file + " (" + e + ")", e);
    }
  }

  /** The key: {@code --key-file}, or the default beside the first file; problems are exit 2. */
  AuditKey key() {
    Path file = keyFile != null ? keyFile : AuditKey.defaultFileBeside(files.get(0));
    return badInputOnFailure(() -> AuditKey.load(file));
  }

  /** Runs a core call, turning its {@link AuditException} into a one-line exit 2. */
  static <T> T badInputOnFailure(Supplier<T> call) {
    try {
      return call.get();
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    }
  }
}

package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.TrailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  private static final String KEY_SUFFIX = ".key";

  /** The FILEs as {@link #trailFiles} checked them, once. */
  private List<Path> trail;

  @Option(
      names = "--key-file",
      paramLabel = "K",
      description = "The audit key file the trail was written with (default: "
          + AuditKey.DEFAULT_FILE_NAME + " beside the first FILE).")
  private Path keyFile;

  /**
   * The files in rotation order. Lock files ({@code <trail>.jsonl.lock}, which a glob such as
   * {@code piiwarden-audit*} takes too) are left out. Bad input (exit 2): the audit key file given
   * as a trail file, a file given twice, a missing or unreadable one, or files with no audit record
   * at all (empty, binary, another program's), which are no trail to verify.
   */
  List<Path> files() {
    List<Path> files = trailFiles();
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
    Path file = keyFilePath(trailFiles());
    return badInputOnFailure(() -> AuditKey.load(file));
  }

  private Path keyFilePath(List<Path> trail) {
    return keyFile != null ? keyFile : AuditKey.defaultFileBeside(trail.get(0));
  }

  /**
   * The FILEs less lock files; the key file and a file given twice refused. The key file is named
   * by its path only: its content is never shown.
   */
  private List<Path> trailFiles() {
    if (trail == null) {
      trail = checkedTrailFiles();
    }
    return trail;
  }

  private List<Path> checkedTrailFiles() {
    List<Path> trail = new ArrayList<>();
    for (Path file : files) {
      if (!TrailFiles.isLockFile(file)) {
        trail.add(file);
      }
    }
    if (trail.isEmpty()) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_BAD_FILE, files.get(0),
          "is the lock file of a trail, not a trail file");
    }
    Path key = keyFilePath(trail);
    Set<Path> seen = new HashSet<>();
    for (Path file : trail) {
      if (file.getFileName().toString().endsWith(KEY_SUFFIX) || sameFile(file, key)) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, file
            + " is the audit key file, not a trail file: pass it with --key-file (by default "
            + AuditKey.DEFAULT_FILE_NAME + " beside the first trail file is used), and the"
            + " trail's files as FILE, e.g. piiwarden-audit.*.jsonl piiwarden-audit.jsonl");
      }
      if (!seen.add(identity(file))) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, "audit file " + file
            + " is given twice; pass each of the trail's files once, e.g. piiwarden-audit.*.jsonl"
            + " piiwarden-audit.jsonl");
      }
    }
    return trail;
  }

  private static boolean sameFile(Path file, Path other) {
    try {
      return Files.exists(file) && Files.exists(other) && Files.isSameFile(file, other);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The file itself, whichever way its path is written (a link, ./, ..). */
  private static Path identity(Path file) {
    try {
      return file.toRealPath();
    } catch (java.io.IOException e) {
      return file.toAbsolutePath().normalize();
    }
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

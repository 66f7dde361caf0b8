package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.input.AuditKeyFile;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.cli.input.DriverLoader;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.Finding;
import dev.piiwarden.core.audit.JdbcSink;
import dev.piiwarden.core.audit.JdbcTrail;
import dev.piiwarden.core.audit.TrailFiles;
import dev.piiwarden.core.jdbc.JdbcConnections;
import dev.piiwarden.core.text.UrlCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The trail (files, or a jdbc: sink's table) and key file the audit commands and {@code consent
 * verify} take, checked and loaded. A command calls {@link #close} when done, which deletes a
 * table's copy.
 */
public final class TrailInput {
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "The trail's files (piiwarden-audit.jsonl and its rotated files), or the"
          + " jdbc: URL that piiwarden.audit.sink names (its table piiwarden_audit).")
  private List<String> arguments;

  @Option(
      names = "--jdbc-driver",
      paramLabel = "JAR",
      description = "A JDBC driver jar for a jdbc: trail other than PostgreSQL, which is built in;"
          + " repeatable.")
  private List<Path> jdbcDrivers = List.of();

  /** The FILEs as paths; null for a jdbc: trail. */
  private List<Path> files;

  /** A jdbc: trail's URL; null for files. */
  private String jdbcUrl;

  /** Where a jdbc: trail's rows were copied, to be deleted by {@link #close}. */
  private Path copy;

  private static final String KEY_SUFFIX = ".key";

  /** The FILEs as {@link #trailFiles} checked them, once. */
  private List<Path> trail;

  @Option(
      names = "--key-file",
      paramLabel = "K",
      description = "The audit key file the trail was written with (default: "
          + AuditKey.DEFAULT_FILE_NAME + " beside the first FILE; for a jdbc: trail, in the"
          + " working folder, as the agent's default).")
  private Path keyFile;

  /**
   * The files in rotation order. Lock files ({@code <trail>.jsonl.lock}, which a glob such as
   * {@code piiwarden-audit*} takes too) are left out. Bad input (exit 2): the audit key file given
   * as a trail file, a file given twice, a missing or unreadable one, or files with no audit record
   * at all (empty, binary, another program's), which are no trail to verify.
   */
  public List<Path> files() {
    if (jdbc()) {
      return List.of(copied());
    }
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
  public AuditKey key() {
    Path file = keyFile();
    AuditKeyFile.check(file, "--key-file");
    return badInputOnFailure(() -> AuditKey.load(file));
  }

  /** The key file {@link #key} reads. */
  public Path keyFile() {
    return jdbc()
        ? keyFile != null ? keyFile : Path.of(AuditKey.DEFAULT_FILE_NAME)
        : keyFilePath(trailFiles());
  }

  private Path keyFilePath(List<Path> trail) {
    return keyFile != null ? keyFile : AuditKey.defaultFileBeside(trail.get(0));
  }

  /**
   * Whether the trail is a {@code jdbc:} sink's table: one argument, the URL. A URL among files is
   * exit 2.
   */
  private boolean jdbc() {
    if (files == null && jdbcUrl == null) {
      boolean anyUrl = arguments.stream().anyMatch(argument -> argument.startsWith("jdbc:"));
      if (anyUrl && arguments.size() > 1) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, "a jdbc: trail is"
            + " read on its own; pass its URL as the only argument, or the jsonl files alone");
      }
      if (anyUrl) {
        jdbcUrl = arguments.get(0);
      } else {
        files = arguments.stream().map(TrailInput::path).toList();
      }
    }
    return jdbcUrl != null;
  }

  private static Path path(String argument) {
    try {
      return Path.of(argument);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.AUDIT_BAD_FILE, argument,
          "is not a file path (" + e.getReason() + ")");
    }
  }

  /**
   * The jdbc: trail's rows, copied once in seq order to a file of a new folder only this user can
   * read, which {@link #close} deletes. A table without records is exit 2, like an empty file.
   */
  private Path copied() {
    if (copy == null) {
      Path folder = badInputOnFailure(() -> {
        try {
          return Files.createTempDirectory("piiwarden-audit-");
        } catch (java.io.IOException e) {
          throw new AuditException("cannot create a folder for the copy of the trail's rows ("
              + e.getMessage() + "); set java.io.tmpdir to a writable folder", e);
        }
      });
      copy = folder.resolve(JdbcSink.TABLE + ".jsonl");
      long rows;
      try (DriverLoader drivers = DriverLoader.of(jdbcDrivers)) {
        rows = JdbcTrail.copy(jdbcUrl, copy);
      } catch (AuditException e) {
        if (e.getCause() instanceof JdbcConnections.NoDriver) {
          throw new CommandFailure(ExitCode.USAGE, e, CliMessage.NO_JDBC_DRIVER, e.getMessage());
        }
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
      } catch (java.io.IOException e) {
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT,
            "cannot close the --jdbc-driver jars (" + e.getMessage() + ")");
      }
      if (rows == 0) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, "table "
            + JdbcSink.TABLE + " of " + shownUrl() + " holds no audit record; give the URL of"
            + " the database that piiwarden.audit.sink=jdbc: writes to");
      }
    }
    return copy;
  }

  private String shownUrl() {
    return UrlCredentials.withoutCredentials(jdbcUrl);
  }

  /** What the trail is, for a summary: "3 files", or the table and its database. */
  public String described(int fileCount) {
    if (jdbcUrl != null) {
      return "table " + JdbcSink.TABLE + " of " + shownUrl();
    }
    return fileCount + (fileCount == 1 ? " file" : " files");
  }

  /**
   * The finding in one line: {@code file:line: …}, or for a jdbc: trail {@code <url> row N: …},
   * N counting the table's rows in seq order.
   */
  public String describe(Finding finding) {
    return jdbcUrl == null ? finding.describe()
        : finding.describeAt(shownUrl() + " " + JdbcSink.TABLE + " row " + finding.line());
  }

  /** Where a record is: {@code file:line}, or for a jdbc: trail {@code <url> row N}. */
  public String describe(Path file, long line) {
    return jdbcUrl == null ? file + ":" + line
        : shownUrl() + " " + JdbcSink.TABLE + " row " + line;
  }

  /** A verifier's note, naming the table where it names the copy. */
  public String note(String note) {
    return copy == null ? note : note.replace(copy.toString(), shownUrl() + " " + JdbcSink.TABLE)
        .replace(copy.getFileName().toString(), JdbcSink.TABLE);
  }

  /** Deletes a jdbc: trail's copy and its folder. */
  public void close() {
    if (copy != null) {
      try {
        Files.deleteIfExists(copy);
        Files.deleteIfExists(copy.getParent());
      } catch (java.io.IOException e) {
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, "cannot delete the"
            + " copy of the trail's rows, " + copy + " (" + e.getMessage() + "); delete it by hand");
      }
    }
  }

  /**
   * The FILEs less lock files; the key file and a file given twice refused. The key file is named
   * by its path only: its content is never shown.
   */
  private List<Path> trailFiles() {
    jdbc();
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
      if (keyFile != null && sameFile(file, key)) {
        // the trail given as --key-file, rather than the key file as a FILE
        AuditKeyFile.check(keyFile, "--key-file");
      }
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
  public static <T> T badInputOnFailure(Supplier<T> call) {
    try {
      return call.get();
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    }
  }
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.files.OwnerOnlyFolders;
import dev.piiwarden.core.text.ShownPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code file:<path>} store: an append-only file of JSON lines, one record per line.
 *
 * <p>Writers take an exclusive {@link FileLock} and force the line to disk before releasing it;
 * readers take a shared lock, so several processes can share one ledger. Records are read once and
 * then only the bytes appended since (by any process) are read; a file replaced or rewritten under
 * the same path is read again from its start. A last line without its newline that holds a whole
 * record counts as a record (only the newline is missing), and the next write ends it first. A
 * line cut off before its JSON closes is a write torn by a crash: it is skipped and reported, and
 * the next write starts on a fresh line so the fragment stays isolated; such a cut-off line is
 * skipped wherever it is.
 *
 * <p>Any other line that is not a record is damage, and damage fails closed ({@link
 * LedgerDamage}): a damaged line whose subject can still be read makes that subject's records
 * unreadable, one whose subject cannot be read makes the whole store unreadable, until the line is
 * repaired. A damaged withdrawal must not let an earlier grant count again.
 *
 * <p>A file that others may write is neither read nor written ({@link LedgerFileAccess}): it
 * fails with {@link ConsentStoreAccessException}, whose message gives the fix.
 */
public final class FileConsentStore implements ConsentStore {
  /** File locks belong to the whole JVM; this keeps two stores on one file from overlapping. */
  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** How many bytes before the point read up to are compared to see a rewrite in place. */
  private static final int TAIL_BYTES = 64;

  private final Path file;
  /** The store as messages name it ({@link #describe}), made once: it runs the redaction engine. */
  private final String described;
  private final Object jvmLock;
  private final Consumer<String> warnings;
  private final Map<String, List<ConsentRecord>> bySubject = new HashMap<>();
  private final LedgerDamage damage;
  private final boolean mustExist;
  private final boolean posix;
  /** The file key of the file last found to be this process's user's; see {@link #checkAccess}. */
  private Object ownerCheckedFor;
  private static final String REMOVED = "the file was removed while in use, and every consent it held with it;"
      + " restore it (from a copy or backup), or restart the application to begin an empty ledger";

  private long parsedUpTo;
  private long lineNumber;
  /** Where the last line without a newline starts that was reported, so it is reported once. */
  private long reportedTornAt = -1;
  /** The record on the last line when that line has no newline yet; see {@link #parseLastLine}. */
  private ConsentRecord lastLineRecord;
  /** Damage on the last line when it has no newline yet: read again with the line. */
  private final LedgerDamage lastLineDamage;
  private byte[] tail = new byte[0];
  private Object fileKey;
  private FileTime modified;
  /**
   * Whether this store has read the file: one that is gone after that was removed while in use,
   * and every consent it held with it, which is a failure of the store until it is restored, not
   * an empty ledger.
   */
  private volatile boolean seen;
  /** The size of a read from the start while it is parsed, else 0; for {@link #loading}. */
  private volatile long loadingTotal;
  private volatile long loadingDone;

  /**
   * @param file the ledger file; it and its parent folders are created on the first write
   * @param warnings where skipped lines are reported (no record content is included)
   */
  public FileConsentStore(Path file, Consumer<String> warnings) {
    this(file, warnings, false);
  }

  /**
   * @param file the ledger file
   * @param warnings where skipped lines are reported (no record content is included)
   * @param mustExist whether a missing file is an error ({@link ConsentStoreMissingException}),
   *     for a store opened only for reading; else it is a ledger without records yet
   */
  public FileConsentStore(Path file, Consumer<String> warnings, boolean mustExist) {
    this.mustExist = mustExist;
    this.posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    this.file = file.toAbsolutePath().normalize();
    this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, ignored -> new Object());
    this.warnings = warnings;
    this.described = "file:" + ShownPath.of(this.file.toString()); // a folder named after a person is masked
    this.damage = new LedgerDamage(described);
    this.lastLineDamage = new LedgerDamage(described);
  }

  /**
   * Opens the ledger for writing, creating it with mode 0600 where the file system has POSIX
   * permissions: it holds raw subject ids. An existing file keeps its mode.
   */
  private FileChannel openForAppend() throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(file, options, OWNER_ONLY);
    }
    return FileChannel.open(file, options);
  }

  @Override
  public void append(ConsentRecord record) {
    byte[] line = ConsentRecordJson.line(record);
    synchronized (jvmLock) {
      checkAccessBeforeWrite();
      try {
        Path parent = file.getParent();
        if (parent != null) {
          OwnerOnlyFolders.createMissing(parent);
        }
        try (FileChannel channel = openForAppend();
            FileLock ignored = channel.lock()) {
          long end = channel.size();
          ByteBuffer buffer;
          if (end > 0 && !endsWithNewline(channel, end)) {
            buffer = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line);
          } else {
            buffer = ByteBuffer.allocate(line.length).put(line);
          }
          buffer.flip();
          while (buffer.hasRemaining()) {
            end += channel.write(buffer, end);
          }
          channel.force(false);
        }
        seen = true;
      } catch (IOException | RuntimeException e) {
        throw new ConsentStoreException("cannot write consent store " + describe() + ": " + reason(e), e);
      }
    }
  }

  /** A ledger that exists is written only when it is the process's own (a new one is 0600). */
  private void checkAccessBeforeWrite() {
    BasicFileAttributes attributes;
    try {
      attributes = attributes();
    } catch (NoSuchFileException absent) {
      if (seen) {
        // a new file would hide that the consents are gone until the store is opened again
        throw new ConsentStoreException("cannot write consent store " + describe() + ": " + REMOVED);
      }
      return;
    } catch (IOException e) {
      throw new ConsentStoreException("cannot write consent store " + describe() + ": " + reason(e), e);
    }
    checkAccess(attributes);
  }

  private BasicFileAttributes attributes() throws IOException {
    return posix
        ? Files.readAttributes(file, PosixFileAttributes.class)
        : Files.readAttributes(file, BasicFileAttributes.class);
  }

  /**
   * Refuses a file others may write ({@link LedgerFileAccess}). The mode is checked each time; the
   * owner (whose name the system looks up) once per file, and not for a store only read.
   */
  private void checkAccess(BasicFileAttributes attributes) {
    if (!(attributes instanceof PosixFileAttributes permissions)) {
      return;
    }
    boolean ownerToo = !mustExist
        && (attributes.fileKey() == null || !attributes.fileKey().equals(ownerCheckedFor));
    Optional<String> problem = LedgerFileAccess.problem(file, permissions, ownerToo);
    if (problem.isPresent()) {
      throw new ConsentStoreAccessException(problem.get());
    }
    if (ownerToo) {
      ownerCheckedFor = attributes.fileKey();
    }
  }

  /** Why the file cannot be used, in a few words and without its content. */
  private String reason(Throwable e) {
    if (Files.isDirectory(file)) {
      return "it is a folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getClass().getSimpleName().replace("Exception", " failure");
  }

  private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) == '\n';
  }

  @Override
  public List<ConsentRecord> records(String subject) {
    synchronized (jvmLock) {
      refresh();
      damage.check(subject);
      lastLineDamage.check(subject);
      List<ConsentRecord> records = bySubject.getOrDefault(subject, List.of());
      if (lastLineRecord == null || !lastLineRecord.subject().equals(subject)) {
        return List.copyOf(records);
      }
      List<ConsentRecord> withLastLine = new ArrayList<>(records);
      withLastLine.add(lastLineRecord);
      return List.copyOf(withLastLine);
    }
  }

  @Override
  public void load() {
    synchronized (jvmLock) {
      refresh();
    }
  }

  @Override
  public Optional<String> loading() {
    long total = loadingTotal;
    if (total <= 0) {
      return Optional.empty();
    }
    return Optional.of("loading " + Math.max(1, total / (1024 * 1024)) + " MB, "
        + Math.min(99, 100 * loadingDone / total) + "% done");
  }

  /**
   * Reads what was appended since the last read. The file is read again from its start when it
   * shrank, when it was replaced (another file key: a rename over it, a restore from a copy) or
   * when the bytes just before the point read up to changed (a rewrite in place), and, while it
   * has damaged lines, whenever it changed: that is how a repair is seen.
   *
   * <p>Only reading the bytes happens under the shared file lock; they are parsed after it is
   * released, so a slow reader (a cold JVM of the CLI) keeps writers out for as little as possible.
   */
  private void refresh() {
    BasicFileAttributes attributes;
    try {
      attributes = attributes();
    } catch (NoSuchFileException e) {
      if (mustExist) {
        throw new ConsentStoreMissingException("cannot read consent store " + describe()
            + ": the file does not exist");
      }
      if (seen) {
        throw new ConsentStoreException("cannot read consent store " + describe() + ": " + REMOVED);
      }
      return;
    } catch (IOException e) {
      throw new ConsentStoreException("cannot read consent store " + describe() + ": " + reason(e), e);
    }
    checkAccess(attributes);
    long size = attributes.size();
    boolean changedInPlace = !attributes.lastModifiedTime().equals(modified);
    if (fileKey != null && attributes.fileKey() != null && !attributes.fileKey().equals(fileKey)) {
      warnings.accept("piiwarden: consent store " + describe() + " was replaced; reading it again");
      restart();
    } else if (size < parsedUpTo) {
      warnings.accept("piiwarden: consent store " + describe() + " shrank; reading it again");
      restart();
    } else if (size == parsedUpTo && !changedInPlace) {
      return;
    } else if (changedInPlace && damage.any()) {
      restart();
    }
    byte[] bytes;
    int from;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
      long end = channel.size();
      if (end < parsedUpTo) {
        warnings.accept("piiwarden: consent store " + describe() + " shrank; reading it again");
        restart();
      }
      long readFrom = Math.max(0, parsedUpTo - tail.length);
      if (readFrom == 0) {
        loadingTotal = end;
      }
      bytes = read(channel, readFrom, end);
      if (!Arrays.equals(bytes, 0, tail.length, tail, 0, tail.length)) {
        warnings.accept("piiwarden: consent store " + describe() + " was rewritten; reading it again");
        restart();
        readFrom = 0;
        loadingTotal = end;
        bytes = read(channel, 0, end);
      }
      from = Math.toIntExact(parsedUpTo - readFrom);
      fileKey = attributes.fileKey();
      modified = attributes.lastModifiedTime();
      seen = true;
    } catch (IOException | ArithmeticException | OutOfMemoryError e) {
      loadingTotal = 0;
      throw new ConsentStoreException("cannot read consent store " + describe() + ": " + reason(e), e);
    }
    try {
      int parsedTo = parse(bytes, from);
      tail = Arrays.copyOfRange(bytes, Math.max(0, parsedTo - TAIL_BYTES), parsedTo);
    } finally {
      loadingTotal = 0;
      loadingDone = 0;
    }
  }

  private static byte[] read(FileChannel channel, long from, long end) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(end - from));
    while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
      // keep reading until the snapshot is complete
    }
    return buffer.position() == buffer.capacity()
        ? buffer.array()
        : Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** Parses the complete lines of {@code bytes} from {@code from}; returns where they end. */
  private int parse(byte[] bytes, int from) {
    int start = from;
    DamageReport report = new DamageReport();
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      long lineStart = parsedUpTo + (start - from);
      lineNumber++;
      if ((lineNumber & 0xFFFF) == 0) {
        loadingDone = i;
      }
      int length = i - start;
      if (!isBlank(bytes, start, length)) {
        ConsentRecordJson.ParsedLine line = ConsentRecordJson.parse(bytes, start, length);
        if (line.record() != null) {
          ConsentRecord record = line.record();
          bySubject.computeIfAbsent(record.subject(), s -> new ArrayList<>(2)).add(record);
        } else if (line.cutOff()) {
          // A write torn by a crash that the next write isolated on a line of its own; the
          // write that was cut off never returned, so nothing was confirmed by it.
          if (lineStart != reportedTornAt) {
            report.torn(lineNumber);
          }
        } else {
          damage.add(line.subject(), lineNumber);
          if (lineStart != reportedTornAt) { // else reported while it was the last line
            report.damaged(lineNumber, line.subject() != null, line.problem());
          }
        }
      }
      start = i + 1;
    }
    long tailStart = parsedUpTo + (start - from);
    parseLastLine(bytes, start, tailStart, report);
    report.emit(warnings, describe());
    parsedUpTo = tailStart;
    return start;
  }

  /**
   * The last line when it has no newline yet, {@code bytes[start, end)}. A whole record there
   * counts: the newline alone is missing (a power cut before it reached the disk, an edit or a copy
   * that dropped it), and skipping a withdrawal would let an earlier grant count again. Only a
   * line cut off before its JSON closes is a torn write, skipped; a whole line that is no record
   * is damage, as it is once a write has ended it. The line stays unparsed ({@code parsedUpTo}
   * stops before it), so it is read again with whatever follows it.
   */
  private void parseLastLine(byte[] bytes, int start, long lineStart, DamageReport report) {
    lastLineRecord = null;
    lastLineDamage.clear();
    if (start >= bytes.length || isBlank(bytes, start, bytes.length - start)) {
      return;
    }
    long number = lineNumber + 1;
    boolean firstRead = lineStart != reportedTornAt;
    reportedTornAt = lineStart;
    ConsentRecordJson.ParsedLine line = ConsentRecordJson.parse(bytes, start, bytes.length - start);
    if (line.record() != null) {
      lastLineRecord = line.record();
    } else if (line.cutOff()) {
      if (firstRead) {
        report.torn(number);
      }
    } else {
      lastLineDamage.add(line.subject(), number);
      if (firstRead) {
        report.damaged(number, line.subject() != null, line.problem());
      }
    }
  }

  private static boolean isBlank(byte[] bytes, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private void restart() {
    bySubject.clear();
    damage.clear();
    lastLineDamage.clear();
    lastLineRecord = null;
    parsedUpTo = 0;
    lineNumber = 0;
    reportedTornAt = -1;
    tail = new byte[0];
    fileKey = null;
    modified = null;
  }

  @Override
  public String describe() {
    return described;
  }

  @Override
  public void close() {}
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code file:<path>} store: an append-only file of JSON lines, one record per line.
 *
 * <p>Writers take an exclusive {@link FileLock} and force the line to disk before releasing it;
 * readers take a shared lock, so several processes can share one ledger. Records are read once and
 * then only the bytes appended since (by any process) are read. A last line without its newline is
 * a write torn by a crash: it is skipped and reported, and the next write starts on a fresh line so
 * the fragment stays isolated. Lines that are not records are skipped and reported too.
 */
public final class FileConsentStore implements ConsentStore {
  /** File locks belong to the whole JVM; this keeps two stores on one file from overlapping. */
  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path file;
  private final Object jvmLock;
  private final Consumer<String> warnings;
  private final Map<String, List<ConsentRecord>> bySubject = new HashMap<>();
  private long parsedUpTo;
  private long lineNumber;
  private long reportedTornAt = -1;

  /**
   * @param file the ledger file; it and its parent folders are created on the first write
   * @param warnings where skipped lines are reported (no record content is included)
   */
  public FileConsentStore(Path file, Consumer<String> warnings) {
    this.file = file.toAbsolutePath().normalize();
    this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, ignored -> new Object());
    this.warnings = warnings;
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
      try {
        Path parent = file.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
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
      } catch (IOException | RuntimeException e) {
        throw new ConsentStoreException("cannot write consent store " + describe() + ": " + reason(e), e);
      }
    }
  }

  /** Why the file cannot be used, in a few words and without its content. */
  private String reason(Exception e) {
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
      return List.copyOf(bySubject.getOrDefault(subject, List.of()));
    }
  }

  /** Reads what was appended since the last read; starts over if the file was replaced. */
  private void refresh() {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      if (parsedUpTo > 0) {
        restart();
      }
      return;
    } catch (IOException e) {
      throw new ConsentStoreException("cannot read consent store " + describe() + ": " + reason(e), e);
    }
    if (size < parsedUpTo) {
      warnings.accept("piiwarden: consent store " + describe() + " shrank; reading it again");
      restart();
    }
    if (size == parsedUpTo) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
      long end = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(end - parsedUpTo));
      while (buffer.hasRemaining() && channel.read(buffer, parsedUpTo + buffer.position()) >= 0) {
        // keep reading until the snapshot is complete
      }
      parse(buffer.array(), buffer.position());
    } catch (IOException | ArithmeticException e) {
      throw new ConsentStoreException("cannot read consent store " + describe() + ": " + reason(e), e);
    }
  }

  private void parse(byte[] bytes, int length) {
    int start = 0;
    long skipped = 0;
    long firstSkipped = 0;
    long lastSkipped = 0;
    String firstReason = null;
    for (int i = 0; i < length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      long lineStart = parsedUpTo + start;
      lineNumber++;
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
      if (!line.isEmpty()) {
        try {
          ConsentRecord record = ConsentRecordJson.parse(line);
          bySubject.computeIfAbsent(record.subject(), s -> new ArrayList<>()).add(record);
        } catch (IllegalArgumentException e) {
          if (lineStart != reportedTornAt) {
            if (skipped++ == 0) {
              firstSkipped = lineNumber;
              firstReason = e.getMessage();
            }
            lastSkipped = lineNumber;
          }
        }
      }
      start = i + 1;
    }
    // One line per read however many lines are damaged: binary data in a ledger is thousands.
    if (skipped == 1) {
      warnings.accept("piiwarden: consent store " + describe() + ": line " + firstSkipped
          + " is not a consent record and is skipped (" + firstReason + ")");
    } else if (skipped > 1) {
      warnings.accept("piiwarden: consent store " + describe() + ": " + skipped + " lines from line "
          + firstSkipped + " to line " + lastSkipped + " are not consent records and are skipped (the"
          + " first: " + firstReason + "); the other records still count: if the file was damaged,"
          + " restore it from a copy");
    }
    long tail = parsedUpTo + start;
    if (start < length && tail != reportedTornAt) {
      reportedTornAt = tail;
      warnings.accept(
          "piiwarden: consent store "
              + describe()
              + ": line "
              + (lineNumber + 1)
              + " is incomplete (a torn write) and is skipped");
    }
    parsedUpTo = tail;
  }

  private void restart() {
    bySubject.clear();
    parsedUpTo = 0;
    lineNumber = 0;
    reportedTornAt = -1;
  }

  @Override
  public String describe() {
    return "file:" + file;
  }

  @Override
  public void close() {}
}

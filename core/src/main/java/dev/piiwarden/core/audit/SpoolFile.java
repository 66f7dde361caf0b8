package dev.piiwarden.core.audit;

import dev.piiwarden.core.files.OwnerOnlyFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * A local jsonl file holding records a remote sink could not deliver yet, oldest first. Appends are
 * forced to disk (the file is created with mode 0600 where the file system has POSIX permissions);
 * what was delivered is cut from the front by writing the rest to a temporary file
 * and moving it into place, so a crash leaves either the old or the new spool. Who appends to or
 * replays a spool does it {@link #locked}.
 */
final class SpoolFile {
  private final Path file;

  SpoolFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** Work on the spool done under its lock. */
  interface Locked<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} holding the spool's lock, {@code <spool>.lock} beside it (a lock file, since
   * the spool itself is replaced): processes that share a spool (two services started in one
   * folder) take turns, so one's replay never cuts records another appended meanwhile.
   */
  <T> T locked(Locked<T> work) throws IOException {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (SpoolFile.class) { // a JVM holds a file's lock once: its threads take turns here
      try (FileChannel channel = openForAppend(lockFile); FileLock lock = channel.lock()) {
        return work.run();
      }
    }
  }

  /**
   * What is said at exit while records are left here: how many (unless they cannot be counted) and
   * that the next start with {@code sink} (as a message shows it) takes them.
   */
  String leftAtExit(String sink) {
    long left;
    try {
      left = locked(() -> (long) read().size());
    } catch (IOException e) {
      left = -1;
    }
    return (left < 0 ? "audit records stay" : left + " audit records stay") + " in spool file " + file
        + "; the next start with audit sink " + sink + " writes them there";
  }

  boolean isEmpty() throws IOException {
    return !Files.exists(file) || Files.size(file) == 0;
  }

  void append(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    try (FileChannel channel = openForAppend(file)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
  }

  /** Opens {@code path} to append, creating it (mode 0600) and its folder (0700) if missing. */
  private static FileChannel openForAppend(Path path) throws IOException {
    Path folder = path.toAbsolutePath().getParent();
    if (folder != null) {
      OwnerOnlyFolders.createMissing(folder);
    }
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    boolean posix = folder != null
        && folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? FileChannel.open(path, options,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : FileChannel.open(path, options);
  }

  /** The spooled records; a line that is not a whole record (a crash while spooling) is skipped. */
  List<RecordLine> read() throws IOException {
    List<RecordLine> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    try (ByteLines lines = new ByteLines(file)) {
      byte[] line;
      while ((line = lines.next()) != null) {
        RecordLine record = RecordLine.parse(line);
        if (record != null) {
          records.add(record);
        }
      }
    }
    return records;
  }

  /** Keeps only {@code rest}, the records not yet delivered. */
  void replaceWith(List<RecordLine> rest) throws IOException {
    if (rest.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    new SpoolFile(temporary).append(rest.stream().map(RecordLine::line).toList());
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

package dev.piiwarden.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The {@code jsonl:<path>} sink: one record per line, rotated by size ({@link TrailFiles}).
 *
 * <p>On open it continues the chain from the last record of the active file (or of the newest
 * rotated file when the active one is empty). Bytes after that record are a torn record from a
 * crash: they are left in place, ended with a newline, and handed to the trail, which reports them
 * and writes an {@code audit.recovered} record naming them. A write that fails part-way is undone
 * (the file is cut back to the last whole batch) before it is retried, so a retry never leaves
 * half a record behind. The active file is locked while it is written: one writer per trail. New
 * files are created with mode 0600.
 */
public final class JsonlSink implements AuditSink {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path active;
  private final long maxFileBytes;
  private FileChannel channel;
  /** The open active file's identity, to notice it deleted or replaced; null where unknown. */
  private Object fileKey;
  private boolean removed;
  private long committed;
  private boolean dirty;
  private int resumeAt;

  /** A sink writing to {@code active}, rotating once it holds {@code maxFileBytes} or more. */
  public JsonlSink(Path active, long maxFileBytes) {
    this.active = active;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public Start open() throws IOException {
    Path folder = active.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    openActiveLocked();
    Start start = TrailTail.read(active, channel);
    if (start.torn() != null && committed > 0 && !endsWithNewline()) {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), committed);
      committed++;
    }
    if (committed == 0) {
      return continueFromRotated();
    }
    return start;
  }

  /**
   * Writes the batch, rotating between records whenever the file is full. A retry gets the same
   * batch: records already written before a failure (in an earlier file, say) are skipped.
   */
  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    checkStillActive();
    if (dirty) {
      channel.truncate(committed);
      dirty = false;
    }
    StringBuilder text = new StringBuilder(8192);
    for (int i = resumeAt; i < batch.size(); i++) {
      if (committed >= maxFileBytes) {
        rotate();
      }
      text.append(batch.get(i).line()).append('\n');
      boolean last = i == batch.size() - 1;
      if (last || committed + text.length() >= maxFileBytes || text.length() >= 1 << 20) {
        append(text);
        text.setLength(0);
        resumeAt = last ? 0 : i + 1;
      }
    }
  }

  private void append(StringBuilder text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    dirty = true;
    long position = committed;
    while (bytes.hasRemaining()) {
      position += channel.write(bytes, position);
    }
    committed = position;
    dirty = false;
  }

  @Override
  public void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      try {
        channel.force(false);
      } finally {
        channel.close();
      }
    }
  }

  @Override
  public String describe() {
    return "jsonl:" + active;
  }

  private Start continueFromRotated() throws IOException {
    long last = TrailFiles.lastIndex(active);
    if (last == 0) {
      return Start.NEW;
    }
    Path previous = TrailFiles.rotated(active, last);
    try (FileChannel old = FileChannel.open(previous, StandardOpenOption.READ)) {
      return new Start(TrailTail.read(previous, old).position(), null);
    }
  }

  private boolean endsWithNewline() throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, committed - 1);
    return last.get(0) == '\n';
  }

  /**
   * Renames the full active file to the next number and starts a new one. Done before a write,
   * never after it, so a failed rotation fails (and retries) a batch that was not written; each
   * step can be repeated after a failure.
   */
  private void rotate() throws IOException {
    if (channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
    if (Files.exists(active)) {
      Path target = TrailFiles.rotated(active, TrailFiles.lastIndex(active) + 1);
      try {
        Files.move(active, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(active, target);
      }
    }
    openActiveLocked();
  }

  /**
   * Writing on into a file someone deleted (or renamed, or replaced) would lose every record
   * without a word: the operating system keeps the open file alive until it is closed. So each
   * batch first checks that the path still names the file being written. The first time it does
   * not, the batch fails with a message saying so, which the writer reports once; the retry begins
   * a new file there, whose first record still chains to the last one written, so {@code verify}
   * shows the gap.
   */
  private void checkStillActive() throws IOException {
    if (removed) {
      channel.close();
      Path folder = active.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      openActiveLocked();
      dirty = false;
      removed = false;
      return;
    }
    if (fileKey != null && !fileKey.equals(currentFileKey())) {
      removed = true;
      throw new IOException("audit file " + active + " was deleted or replaced while it was being"
          + " written, and the records in it with it; a new file is begun, chained to the last"
          + " record written. Keep a copy of the trail off this host (otlp: or jdbc: sink)");
    }
  }

  /** Opens and locks the active file and takes its identity and size. */
  private void openActiveLocked() throws IOException {
    channel = openActive();
    lockOrClose();
    fileKey = currentFileKey();
    committed = channel.size();
  }

  private Object currentFileKey() throws IOException {
    try {
      return Files.readAttributes(active, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Opens the active file, creating it readable by its owner only where the file system has POSIX
   * permissions: pseudonymous records are still personal data.
   */
  private FileChannel openActive() throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    Path folder = active.toAbsolutePath().getParent();
    if (folder != null && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(active, options, OWNER_ONLY);
    }
    return FileChannel.open(active, options);
  }

  /**
   * One writer per trail: two JVMs appending to one file would interleave two chains. The active
   * file is locked for as long as it is written (the operating system drops the lock when the
   * process dies, so a crash leaves no stale lock).
   */
  private void lockOrClose() throws IOException {
    boolean locked;
    try {
      locked = channel.tryLock() != null;
    } catch (OverlappingFileLockException sameJvm) {
      locked = false;
    }
    if (!locked) {
      channel.close();
      throw new IOException("audit file " + active + " is being written by another trail (another"
          + " JVM, or another trail in this one); give each JVM its own piiwarden.audit.sink file");
    }
  }
}

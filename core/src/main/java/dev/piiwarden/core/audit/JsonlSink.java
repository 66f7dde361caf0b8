package dev.piiwarden.core.audit;

import dev.piiwarden.core.files.OwnerOnlyFolders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The {@code jsonl:<path>} sink: one record per line, rotated by size ({@link TrailFiles}).
 *
 * <p>Several writers may share one trail: JVMs started in the same folder with the default sink,
 * or the CLI recording a consent change beside a running agent. Each batch is written under an
 * exclusive lock on {@code <file>.lock} (a lock file beside the trail, so that rotation does not
 * move it). {@link #claim} takes that lock; if the trail grew or was rotated since this writer's
 * last batch, it reads the new last record and returns it, so that the batch is chained after it:
 * one chain results, whatever the number of writers. A lock held longer than {@value
 * #LOCK_WAIT_SECONDS} s fails the batch (it is retried), it never hangs the writer.
 *
 * <p>On open it continues the chain from the last record of the active file (or of the newest
 * rotated file when the active one is empty); a last record without its newline is ended with
 * one. Bytes after that record are a torn record from a
 * crash: they are left in place, ended with a newline, and handed to the trail, which reports them
 * and writes an {@code audit.recovered} record naming them. A write that fails part-way is undone
 * (the file is cut back to the last whole batch) before it is retried, and the lock is kept until
 * the retry succeeds, so a retry never leaves half a record behind and no other writer sees one.
 * New files are created with mode 0600.
 */
public final class JsonlSink implements AuditSink {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final long LOCK_WAIT_SECONDS = 10;
  /** One lock per trail file within this JVM: a file lock is held per process, not per thread. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path active;
  private final Path lockFile;
  private final long maxFileBytes;
  private final ReentrantLock inProcess;
  private FileChannel channel;
  /** The open active file's identity, to notice it rotated, deleted or replaced; null where unknown. */
  private Object fileKey;
  private boolean removed;
  /** The file's size after this writer's last batch; -1 when it must be read again. */
  private long committed;
  private boolean dirty;
  private int resumeAt;
  private FileChannel lockChannel;
  private FileLock lock;
  private IOException unlockFailure;

  /** A sink writing to {@code active}, rotating once it holds {@code maxFileBytes} or more. */
  public JsonlSink(Path active, long maxFileBytes) {
    this.active = active;
    this.lockFile = TrailFiles.lockFile(active);
    this.maxFileBytes = maxFileBytes;
    this.inProcess = IN_PROCESS.computeIfAbsent(active.toAbsolutePath().normalize(),
        path -> new ReentrantLock());
  }

  @Override
  public Start open() throws IOException {
    createFolder();
    lock();
    try {
      openActive();
      cutTrailingEmptyLines();
      return readTail();
    } finally {
      unlock();
    }
  }

  /**
   * Takes the trail's lock for the next {@link #write}, which releases it. Returns where the chain
   * stands when another writer appended (or rotated) since this one's last batch, else null. While
   * a failed batch is being retried the lock is still held, and null is returned.
   */
  @Override
  public Start claim() throws IOException {
    if (lock != null) {
      return null;
    }
    lock();
    try {
      checkStillActive();
      long size = channel.size();
      if (committed > 0 && size < committed) {
        throw shrunk(size);
      }
      Start start = committed == size ? null : readTail();
      if (committed >= maxFileBytes) {
        rotate();
      }
      return start;
    } catch (IOException | RuntimeException e) {
      unlock();
      throw e;
    }
  }

  /**
   * Writes the batch, rotating between records whenever the file is full; called after {@link
   * #claim}. A retry gets the same batch: records already written before a failure (in an earlier
   * file, say) are skipped.
   */
  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    if (lock == null) {
      throw new IllegalStateException("JsonlSink.write without claim()");
    }
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
    unlock();
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
    try {
      if (channel != null) {
        try {
          channel.force(false);
        } finally {
          channel.close();
        }
      }
    } finally {
      if (lock != null) {
        unlock();
      }
    }
  }

  @Override
  public String describe() {
    return "jsonl:" + active;
  }

  /** Reads where the chain stands at the end of the active file, and takes the file's size. */
  private Start readTail() throws IOException {
    Start start = TrailTail.read(active, channel, channel.size(), () -> beforeActive(active));
    committed = channel.size();
    // ends a torn record, or a last record without its newline, before the next record
    if (committed > 0 && !endsWithNewline()) {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), committed);
      committed++;
    }
    if (committed == 0) {
      return continueFromRotated();
    }
    return start;
  }

  /**
   * Empty lines after the last record hold nothing (no writer leaves one, nor does a crash: an
   * editor added them) and are no torn record: they are cut, so the chain goes on right after the
   * record, as {@code verify} expects.
   */
  private void cutTrailingEmptyLines() throws IOException {
    long end = TrailTail.endWithoutEmptyLines(channel);
    if (end < channel.size()) {
      channel.truncate(end);
    }
  }

  private Start continueFromRotated() throws IOException {
    return TrailFiles.lastIndex(active) == 0 ? Start.NEW : new Start(rotatedEnd(active), null);
  }

  /**
   * Where the chain stands before the active file's first record, asked only when it holds none:
   * after the newest rotated file's last record (a crash during the first write after a rotation
   * leaves the next record cut short there), or at the start of a trail that was never rotated.
   */
  private static ChainPosition beforeActive(Path active) throws IOException {
    return TrailFiles.lastIndex(active) > 0 ? rotatedEnd(active) : ChainPosition.START;
  }

  /** The last record of the newest rotated file of the trail whose active file is {@code active}. */
  private static ChainPosition rotatedEnd(Path active) throws IOException {
    Path previous = TrailFiles.rotated(active, TrailFiles.lastIndex(active));
    try (FileChannel old = FileChannel.open(previous, StandardOpenOption.READ)) {
      return TrailTail.read(previous, old, TrailTail.endWithoutEmptyLines(old)).position();
    }
  }

  /**
   * Checks, without writing anything, that a writer can continue the trail whose active file is
   * {@code active}: the file it would continue (the active one, or the newest rotated file when
   * that is empty or absent) ends in a whole record, or in the start of the next one cut short by
   * a crash, which the writer acknowledges. For a start that must stop at once rather than have
   * its writer fail on a file it cannot continue.
   *
   * @throws AuditException when that file ends otherwise (bytes put in place of or after the last
   *     record, another program's file), naming it and what to do, or cannot be read
   */
  public static void checkEnd(Path active) {
    try {
      if (Files.isRegularFile(active)) {
        try (FileChannel channel = FileChannel.open(active, StandardOpenOption.READ)) {
          long end = TrailTail.endWithoutEmptyLines(channel);
          if (end > 0) {
            TrailTail.read(active, channel, end, () -> beforeActive(active));
            return;
          }
        }
      }
      if (TrailFiles.lastIndex(active) > 0) {
        rotatedEnd(active);
      }
    } catch (IOException e) {
      throw new AuditException("cannot read audit file " + active + " (" + e + ") to check where"
          + " its trail ends; check that it and its folder are readable", e);
    }
  }

  private boolean endsWithNewline() throws IOException {
    return TrailTail.byteAt(channel, committed - 1) == '\n';
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
    openActive();
    committed = channel.size();
  }

  /**
   * Each batch first checks that the path still names the file this writer has open. Another
   * writer may have rotated it: the new active file is opened and its end read. Otherwise it was
   * deleted (or renamed, or replaced), and writing on into it would lose every record without a
   * word, since the operating system keeps the open file alive until it is closed. The first time,
   * the batch fails with a message saying so (naming the new name when the file was renamed within
   * its folder: its records are kept there), which the writer reports once; the retry begins a new
   * file there, whose first record still chains to the last one written, so {@code verify} shows
   * the gap, or none when the renamed file is given before the new one.
   */
  private void checkStillActive() throws IOException {
    if (removed) {
      channel.close();
      openActive();
      // a file another writer began meanwhile is continued; an empty one chains to this writer's last
      committed = channel.size() == 0 ? 0 : -1;
      dirty = false;
      removed = false;
      return;
    }
    if (fileKey == null || fileKey.equals(currentFileKey())) {
      return;
    }
    if (rotatedByAnotherWriter()) {
      channel.close();
      openActive();
      committed = -1;
      return;
    }
    removed = true;
    Path renamed = renamedTo();
    if (renamed != null) {
      throw new IOException("audit file " + active + " was renamed to " + renamed + " while it was"
          + " being written (a rotation by rename, say); the records in it are kept there. A new"
          + " file " + active + " is begun, its first record chained to the last one in "
          + renamed.getFileName() + ": give that file before it to 'piiwarden audit verify'");
    }
    throw new IOException("audit file " + active + " was deleted, replaced or moved out of its"
        + " folder while it was being written: if it was deleted, the records in it are lost with"
        + " it (if it was moved, they are kept where it went). A new file is begun, chained to the"
        + " last record written, so 'piiwarden audit verify' shows the gap. Keep a copy of the"
        + " trail off this host (otlp: or jdbc: sink)");
  }

  /**
   * The name in the trail's folder that the file this writer has open has now, or null: renamed
   * there, its records are kept, which the message says; deleted (or moved elsewhere), they are
   * gone from here. Looked up once per such event, so listing the folder costs nothing that counts.
   */
  private Path renamedTo() {
    Path folder = active.toAbsolutePath().getParent();
    if (folder == null) {
      return null;
    }
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        try {
          if (fileKey.equals(Files.readAttributes(child, BasicFileAttributes.class,
              LinkOption.NOFOLLOW_LINKS).fileKey())) {
            return active.resolveSibling(child.getFileName());
          }
        } catch (IOException e) {
          // removed meanwhile: not the file looked for
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the folder cannot be listed: said as a file that is gone
    }
    return null;
  }

  /**
   * The active file is the one this writer has open, but shorter than its last batch left it: no
   * writer of the trail does that (a failed batch is cut back only to where it began), so something
   * else removed records, logrotate's {@code copytruncate} most likely. Re-reading the tail would
   * restart the chain at seq 1 in an emptied file, or use the removed records' numbers again after
   * a cut, and {@code verify} would pass the rest as a whole trail. Instead the writer goes on from
   * its own last record, so the gap shows. A line cut in two is ended, so the next record starts a
   * line of its own.
   */
  private Shrunk shrunk(long size) throws IOException {
    long before = committed;
    RecordLine last = TrailTail.lastRecord(channel);
    if (size > 0 && TrailTail.byteAt(channel, size - 1) != '\n') {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
    }
    committed = channel.size();
    return new Shrunk("audit file " + active + " shrank from " + before + " to " + size + " bytes"
        + " while it was being written: something else removed records from it (logrotate's"
        + " copytruncate, or a cut)",
        last == null ? null : new ChainPosition(last.seq(), last.hash()));
  }

  /** Whether the file this writer has open is now one of the rotated files of the trail. */
  private boolean rotatedByAnotherWriter() throws IOException {
    for (long index = TrailFiles.lastIndex(active); index > 0; index--) {
      try {
        Path rotated = TrailFiles.rotated(active, index);
        if (fileKey.equals(Files.readAttributes(rotated, BasicFileAttributes.class).fileKey())) {
          return true;
        }
      } catch (NoSuchFileException e) {
        // a gap in the numbers (an old file moved away): the older ones are still looked at
      }
    }
    return false;
  }

  private Object currentFileKey() throws IOException {
    try {
      return Files.readAttributes(active, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private void createFolder() throws IOException {
    createFolder(active);
  }

  private static void createFolder(Path active) throws IOException {
    Path folder = active.toAbsolutePath().getParent();
    if (folder != null) {
      OwnerOnlyFolders.createMissing(folder);
    }
  }

  /**
   * Does what the first batch to {@code active} needs the file system for, writing no byte: makes
   * the folder, opens (creating) the lock file, and opens the trail file for writing, creating it
   * empty (mode 0600) when it is missing, as the first batch would. So a trail that cannot be
   * written is known before any event is recorded: also a folder that takes no new file although
   * a lock file is left in it, or a link to a place that does not exist.
   *
   * @throws IOException what the first batch would have failed with, or a {@link
   *     FileSystemException} when the lock or trail file is there but no regular file (a named
   *     pipe, a device), which is not opened: opening a pipe would wait for a reader
   */
  public static void checkWritable(Path active) throws IOException {
    createFolder(active);
    Path lockFile = TrailFiles.lockFile(active);
    requireRegularFileIfPresent(lockFile);
    openOwnerOnly(lockFile).close();
    requireRegularFileIfPresent(active);
    openOwnerOnly(active).close();
  }

  /** Follows links: a link to a regular file is a trail like any other. */
  private static void requireRegularFileIfPresent(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return; // missing, or a link to nothing: creating it says whether it can be made
    }
    if (!attributes.isRegularFile()) {
      throw new FileSystemException(file.toString(), null, "exists and is not a regular file but "
          + (attributes.isDirectory() ? "a folder" : "a named pipe, device or socket"));
    }
  }

  /**
   * Opens the active file, creating it readable by its owner only where the file system has POSIX
   * permissions: pseudonymous records are still personal data.
   */
  /** Opens the active file as {@link #channel}, taking its identity ({@link #fileKey}). */
  private void openActive() throws IOException {
    if (channel != null && channel.isOpen()) {
      channel.close(); // an open that failed and is retried: its file is opened again
    }
    channel = openOwnerOnly(active);
    fileKey = currentFileKey();
  }

  private static FileChannel openOwnerOnly(Path file) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(file, options, OWNER_ONLY);
    }
    return FileChannel.open(file, options);
  }

  /**
   * Takes this JVM's lock of the trail, then the lock file's (the operating system drops it when
   * the process dies, so a crash leaves no stale lock). A lock file that stays locked fails the
   * batch after {@value #LOCK_WAIT_SECONDS} s instead of waiting for ever.
   */
  private void lock() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
    try {
      if (!inProcess.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw lockedTooLong();
      }
      if (unlockFailure != null) {
        IOException failure = unlockFailure;
        unlockFailure = null;
        throw failure;
      }
      createFolder();
      lockChannel = openOwnerOnly(lockFile);
      while ((lock = tryLock()) == null) {
        if (System.nanoTime() - deadline > 0) {
          throw lockedTooLong();
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releaseAfterFailedLock();
      throw new InterruptedIOException("interrupted while waiting for the lock of audit file "
          + active);
    } catch (IOException | RuntimeException e) {
      releaseAfterFailedLock();
      throw e;
    }
  }

  private IOException lockedTooLong() {
    return new IOException("audit file " + active + " has been locked by another writer for more"
        + " than " + LOCK_WAIT_SECONDS + " s (lock file " + lockFile + "); the batch is retried."
        + " Look for a stuck process that holds the lock file open");
  }

  private FileLock tryLock() throws IOException {
    try {
      return lockChannel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      return null; // the same file under another name in this JVM: wait for it like for a process
    }
  }

  private void releaseAfterFailedLock() throws IOException {
    try {
      if (lockChannel != null) {
        lockChannel.close();
      }
    } finally {
      lockChannel = null;
      lock = null;
      if (inProcess.isHeldByCurrentThread()) {
        inProcess.unlock();
      }
    }
  }

  /**
   * Releases the lock file (closing its channel releases the lock). A failure here comes after a
   * batch was written, so failing that batch would write it twice: it is kept and thrown by the
   * next {@link #lock} instead, which the writer reports.
   */
  private void unlock() {
    try {
      lockChannel.close();
    } catch (IOException e) {
      unlockFailure = e;
    } finally {
      lockChannel = null;
      lock = null;
      inProcess.unlock();
    }
  }
}

package dev.piiwarden.cli.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * An {@code --out} file written in full or not at all. The output goes to a temporary file in the
 * same folder ({@code .NAME.<random>.tmp}), which {@link #close} moves over the file (atomically
 * where the file system can, else replacing it). Until then the file keeps its previous content, so
 * a write that fails midway (a full disk, a file size limit) leaves the last good report in place,
 * and {@link #discard} deletes what was written. A file that exists keeps its permissions.
 *
 * <p>Only a regular file (or a missing one) is replaced: a device, a pipe or a socket ({@code --out
 * /dev/null}, a named pipe) is written directly, as it holds no earlier content to keep and
 * moving a file over it would replace the device itself. A symbolic link is followed to its file.
 */
public final class ReplacedFile extends FilterOutputStream {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private boolean closed;

  private ReplacedFile(OutputStream out, Path target, Path temporary, FileChannel channel) {
    super(out);
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for writing, creating missing folders.
   *
   * @throws IOException when the folder or the temporary file cannot be created, or the file exists
   *     and may not be written, or is a folder
   */
  public static ReplacedFile open(Path file) throws IOException {
    Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
    if (Files.isDirectory(target)) {
      throw new FileSystemException(file.toString(), null, "it is a folder");
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      return new ReplacedFile(Files.newOutputStream(target), target, null, null);
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      // a rename would replace a file its owner made read-only
      throw new AccessDeniedException(file.toString());
    }
    Path temporary = createTemporary(target, file);
    try {
      if (Files.exists(target) && posix(target)) {
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
      }
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      return new ReplacedFile(Channels.newOutputStream(channel), target, temporary, channel);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** A new empty file beside the target, with the permissions a new file gets (the umask's). */
  private static Path createTemporary(Path target, Path asGiven) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    String name = target.getFileName() == null ? "out" : target.getFileName().toString();
    for (int attempt = 0; ; attempt++) {
      Path temporary = folder.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      try {
        Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temporary;
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 10) {
          throw taken;
        }
      } catch (AccessDeniedException denied) {
        // name the file asked for, not the temporary one
        throw new AccessDeniedException(asGiven.toString());
      }
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  /**
   * Completes the file: the temporary file is forced to disk and moved over the target. On a
   * failure the temporary file is deleted and the target is as it was.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (temporary == null) {
      out.close();
      return;
    }
    try {
      out.flush();
      channel.force(true);
      out.close();
      moveIntoPlace();
    } catch (IOException | RuntimeException e) {
      discardTemporary();
      throw e;
    }
  }

  private void moveIntoPlace() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Leaves the target as it was and deletes what was written; nothing after {@link #close}. */
  public void discard() {
    if (closed) {
      return;
    }
    closed = true;
    discardTemporary();
  }

  private void discardTemporary() {
    try {
      out.close();
    } catch (IOException ignored) {
      // what was written is thrown away anyway
    }
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // a leftover temporary file beside the output is harmless: its name starts with a dot
      }
    }
  }
}

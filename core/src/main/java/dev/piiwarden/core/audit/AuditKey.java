package dev.piiwarden.core.audit;

import dev.piiwarden.core.files.OwnerOnlyFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The audit key: the HMAC-SHA256 key that chains the records and pseudonymises subjects.
 *
 * <p>The key file holds the raw key: 32 random bytes when created here (any file of at least 32
 * bytes is accepted, e.g. {@code head -c 32 /dev/urandom}). {@link #loadOrCreate}
 * creates it when absent: written to a temporary file created with mode {@code 0600}, forced to
 * disk, then linked into place, so a reader never sees a half-written key and two JVMs starting
 * at once end up with the same key. A key file that group or others may read or write is
 * refused, with the {@code chmod 600} fix in the message. On a file system without POSIX
 * permissions (Windows) the mode is neither set nor checked: the folder's access control applies.
 *
 * <p>The default key file is {@value #DEFAULT_FILE_NAME} in the folder of the (first) audit file,
 * for the writer and for {@code piiwarden audit verify|query} alike.
 */
public final class AuditKey {
  /** The key file's name when none is given: beside the audit file. */
  public static final String DEFAULT_FILE_NAME = "piiwarden-audit.key";

  private static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final KeyedHash hash;

  private AuditKey(byte[] bytes) {
    this.hash = new KeyedHash(bytes);
  }

  /** A key from raw bytes (at least 32), for tests and tools that hold the key elsewhere. */
  public static AuditKey of(byte[] bytes) {
    if (bytes.length < KEY_BYTES) {
      throw new IllegalArgumentException("an audit key needs at least " + KEY_BYTES + " bytes");
    }
    return new AuditKey(bytes.clone());
  }

  /**
   * The key file a writer uses when none is configured: {@value #DEFAULT_FILE_NAME} beside the
   * audit file of a jsonl sink, else (null: a sink that is no file) in the working folder; as an
   * absolute path, so that messages and {@code agent.started} say which folder.
   */
  public static Path defaultFile(Path auditFileOrNull) {
    return auditFileOrNull != null
        ? defaultFileBeside(auditFileOrNull)
        : Path.of(DEFAULT_FILE_NAME).toAbsolutePath();
  }

  /** The default key file for an audit file: {@value #DEFAULT_FILE_NAME} in its folder. */
  public static Path defaultFileBeside(Path auditFile) {
    Path folder = auditFile.toAbsolutePath().getParent();
    return folder == null ? Path.of(DEFAULT_FILE_NAME) : folder.resolve(DEFAULT_FILE_NAME);
  }

  /**
   * Reads the key file.
   *
   * @throws AuditException when it is missing, unreadable, malformed or open to group or others
   */
  public static AuditKey load(Path file) {
    checkNotAFolder(file);
    checkOwnerOnly(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new AuditException("audit key file " + file + " does not exist; pass the key file the"
          + " trail was written with (--key-file or piiwarden.audit.key-file)", e);
    } catch (IOException e) {
      throw new AuditException("cannot read audit key file " + file + " (" + e + "); check that it"
          + " is a readable file, the one the trail was written with", e);
    }
    if (bytes.length < KEY_BYTES) {
      throw new AuditException("audit key file " + file + " holds " + bytes.length
          + " bytes, fewer than " + KEY_BYTES + "; restore the key file the trail was written with");
    }
    return new AuditKey(bytes);
  }

  /**
   * Reads the key file, creating it with a new random key and mode {@code 0600} if absent.
   *
   * @throws AuditException when it cannot be created or read, or is open to group or others
   */
  public static AuditKey loadOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    return load(file);
  }

  /**
   * A key derived from this one for another use: the HMAC of {@code label} under this key, so that
   * a key read once (a file that can be read only once, such as a pipe) serves both.
   */
  public byte[] derive(byte[] label) {
    return hash.digest(label);
  }

  KeyedHash hash() {
    return hash;
  }

  private static void create(Path file) {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      OwnerOnlyFolders.createMissing(folder);
      temporary = posix(folder)
          ? Files.createTempFile(folder, ".piiwarden-audit-key", ".tmp", ownerOnlyAttribute())
          : Files.createTempFile(folder, ".piiwarden-audit-key", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(key));
        channel.force(true);
      }
      linkIntoPlace(temporary, file);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: its key is the one to use.
      return;
    } catch (IOException e) {
      throw new AuditException("cannot create audit key file " + file + " (" + e + "); make its"
          + " folder writable or set piiwarden.audit.key-file to a writable place", e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** Puts the file in place only if nothing is there yet, atomically where possible. */
  private static void linkIntoPlace(Path temporary, Path file) throws IOException {
    try {
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      // No hard links here: a move that fails when the file appeared meanwhile is the next best.
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temporary, file);
      }
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // A leftover temporary file holds a key nobody uses; it is mode 0600 and harmless.
      temporary.toFile().deleteOnExit();
    }
  }

  /** A folder has a mode too, but the chmod advice would be wrong for it: the path is. */
  private static void checkNotAFolder(Path file) {
    if (Files.isDirectory(file)) {
      throw new AuditException("audit key file " + file + " is a folder; pass the path of the key"
          + " file itself, e.g. " + file.resolve(DEFAULT_FILE_NAME) + " (--key-file or"
          + " piiwarden.audit.key-file)");
    }
  }

  private static void checkOwnerOnly(Path file) {
    if (!Files.exists(file) || !posix(file.toAbsolutePath().getParent())) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new AuditException("cannot read the permissions of audit key file " + file + " ("
          + e + ")", e);
    }
    if (!Collections.disjoint(permissions, GROUP_OR_OTHERS)) {
      throw new AuditException("audit key file " + file + " is open to group or others (mode "
          + PosixFilePermissions.toString(permissions) + "); run 'chmod 600 " + file + "' and"
          + " check that nobody else copied the key");
    }
  }

  private static boolean posix(Path folder) {
    Path existing = folder == null ? Path.of("").toAbsolutePath() : folder;
    return existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }
}

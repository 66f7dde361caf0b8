package dev.piiwarden.agent;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code <java.io.tmpdir>/piiwarden-<user>/}: where the agent keeps what later starts of the same
 * agent reuse (the bridge jar, the rewritten logging classes). It is used only when it is a real
 * directory (not a link) owned by this user with mode {@code 0700}, and a file in it only when it
 * is a regular file of this user's that nobody else may write: no other user can plant or change
 * what a start reads from there. Files are written to a private temporary name and hard-linked
 * into place, which fails if another JVM got there first, so no JVM reads a half-written file.
 */
public final class PrivateFolder {
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFolder() {}

  /**
   * The folder in {@code java.io.tmpdir}, created {@code 0700} if absent; null when it exists but
   * is not a directory of this user's that nobody else may enter, or permissions are not POSIX.
   */
  public static Path get() throws IOException {
    String user = System.getProperty("user.name", "");
    if (user.isEmpty() || !plainName(user)) {
      return null;
    }
    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "piiwarden-" + user);
    if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return null;
    }
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
      } catch (FileAlreadyExistsException raced) {
        // made by another JVM meanwhile; checked below like any existing folder
      }
    }
    PosixFileAttributes attributes =
        Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isDirectory()
            && attributes.owner().getName().equals(user)
            && attributes.permissions().equals(OWNER_ONLY_FOLDER)
        ? folder
        : null;
  }

  /**
   * Whether {@code file} is a regular file (not a link) of this user's that only they may write,
   * of {@code size} bytes ({@code -1}: any size).
   */
  public static boolean ownedAndUnshared(Path file, long size) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Set<PosixFilePermission> permissions = attributes.permissions();
    return attributes.isRegularFile()
        && attributes.owner().getName().equals(System.getProperty("user.name"))
        && !permissions.contains(PosixFilePermission.GROUP_WRITE)
        && !permissions.contains(PosixFilePermission.OTHERS_WRITE)
        && (size < 0 || attributes.size() == size);
  }

  /**
   * Puts {@code content} in place as {@code target}: written to a new private file beside it, then
   * hard-linked. False when a file of that name exists already (another JVM's, to be checked like
   * any other).
   */
  public static boolean link(Path target, byte[] content) throws IOException {
    Path written = newPrivateFile(target.getParent(), "piiwarden-new-", content);
    try {
      Files.createLink(target, written);
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false;
    } finally {
      Files.deleteIfExists(written);
    }
  }

  /**
   * A new file in {@code folder}, named {@code prefix} and a number, holding {@code content},
   * readable by its owner only. Created
   * exclusively (no file or link of that name may exist), so the name need not be unguessable:
   * this spares {@code Files.createTempFile} the seeding of a {@code SecureRandom}.
   */
  public static Path newPrivateFile(Path folder, String prefix, byte[] content) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path file = folder.resolve(prefix + Long.toHexString(System.nanoTime()) + ".jar");
      try {
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(file);
        }
        Files.write(file, content);
        return file;
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 100) {
          throw taken;
        }
      }
    }
  }

  /** Letters, digits, dot, dash and underscore: safe as part of a file name. */
  private static boolean plainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') || c > 127) {
        return false;
      }
    }
    return !name.startsWith(".");
  }
}

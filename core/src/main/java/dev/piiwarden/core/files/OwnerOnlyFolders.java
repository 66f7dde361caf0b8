package dev.piiwarden.core.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Creates the missing folders of a path with mode {@code 0700}, whatever the umask: the folders
 * made for the audit key, the trail, the spool and the {@code file:} consent ledger. Under umask
 * {@code 000} or {@code 002} a plain {@link Files#createDirectories} would leave them open to
 * others, who could then delete or replace the files in them. A folder that exists keeps its mode:
 * it is the operator's. Where the file system has no POSIX permissions (Windows), the folders are
 * created as {@link Files#createDirectories} would, under the parent's access control.
 */
public final class OwnerOnlyFolders {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private OwnerOnlyFolders() {}

  /**
   * Creates {@code folder} and its missing parents, each {@code 0700}; nothing when it exists.
   *
   * @throws FileAlreadyExistsException when the path, or a parent of it, exists and is no folder
   * @throws IOException when a folder cannot be created
   */
  public static void createMissing(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Deque<Path> missing = new ArrayDeque<>();
    for (Path at = absolute; at != null && !Files.exists(at); at = at.getParent()) {
      missing.push(at);
    }
    boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
    for (Path next : missing) {
      try {
        if (posix) {
          Files.createDirectory(next, OWNER_ONLY);
        } else {
          Files.createDirectory(next);
        }
      } catch (FileAlreadyExistsException raced) {
        // another process or thread made it meanwhile: fine if it is a folder
        if (!Files.isDirectory(next)) {
          throw raced;
        }
      }
    }
    if (!Files.isDirectory(absolute)) {
      throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is not a folder");
    }
  }
}

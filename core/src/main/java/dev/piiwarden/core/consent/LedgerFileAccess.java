package dev.piiwarden.core.consent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a {@code file:} ledger is the process's own: a ledger that group or others may write, or
 * (where the operating system says which user the process runs as) that belongs to another user,
 * lets that user record consent in anyone's name, which enforcement would then follow. Such a
 * ledger is refused, as an audit key file open to others is: by the agent at start, and by the
 * store before it reads or writes. A ledger only read for a listing ({@code piiwarden consent
 * list}) may belong to another user (the application's, read by an administrator), but not be
 * writable by group or others. Where the file system has no POSIX permissions (Windows), nothing is
 * checked: the folder's access control applies.
 */
public final class LedgerFileAccess {
  private LedgerFileAccess() {}

  /** The user this process runs as: the owner of {@code /proc/self} (Linux); null elsewhere. */
  private static final class ProcessUser {
    static final UserPrincipal USER = find();

    private static UserPrincipal find() {
      Path self = Path.of("/proc/self");
      try {
        return Files.exists(self) ? Files.getOwner(self) : null;
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return null; // the operating system does not tell: the owner is not checked
      }
    }
  }

  /**
   * What makes the ledger file untrustworthy or unusable (a folder in its place), if anything;
   * empty for a file that does not exist (it is created {@code 0600}) or a file system without
   * POSIX permissions.
   *
   * @param file the ledger file
   * @param ownerToo whether a file of another user is refused too: yes for a store that decides or
   *     records consent, no for one opened only to list it
   * @throws IOException when its attributes cannot be read
   */
  public static Optional<String> problem(Path file, boolean ownerToo) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Optional.empty();
    }
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return problem(file, attributes, ownerToo);
  }

  /** {@link #problem(Path, boolean)} with the file's attributes already read. */
  static Optional<String> problem(Path file, PosixFileAttributes attributes, boolean ownerToo) {
    if (attributes.isDirectory()) {
      // every read and write would fail; said once at start rather than at each decision
      return Optional.of("consent store file:" + file + " is a folder, not a file; name the ledger"
          + " file, for example file:" + file.resolve("consent.jsonl"));
    }
    if (!attributes.isRegularFile()) {
      return Optional.empty(); // a device or pipe: what opening it gives is reported then
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      return Optional.of("consent store file:" + file + " is writable by group or others (mode "
          + PosixFilePermissions.toString(permissions) + "), so they could record consent in"
          + " anyone's name; run 'chmod 600 " + file + "' and check its records");
    }
    UserPrincipal process = ProcessUser.USER;
    if (ownerToo && process != null && !process.equals(attributes.owner())) {
      // names quoted: an owner called "nobody" must not read as "no one could"
      return Optional.of("consent store file:" + file + " belongs to user '"
          + attributes.owner().getName() + "', not to user '" + process.getName() + "', who runs"
          + " this process, so user '" + attributes.owner().getName() + "' could record consent in"
          + " anyone's name; run 'chown " + process.getName() + " " + file + "' and check its records, or"
          + " run the application as its owner");
    }
    return Optional.empty();
  }
}

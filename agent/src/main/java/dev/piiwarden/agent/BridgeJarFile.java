package dev.piiwarden.agent;

import dev.piiwarden.agent.report.AgentReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * The bridge jar on disk. Its bytes are built in memory from the agent's own class files, stored
 * uncompressed with a fixed entry time, so the same agent always makes the same bytes. They are
 * then found in, or put into, {@code <java.io.tmpdir>/piiwarden-<user>/}, named by their CRC-32
 * and length, and reused by every later start of that agent: no file is written after the first.
 *
 * <p>A copy is used only when it can be trusted as much as the agent jar itself: the folder is a
 * real directory (not a link) owned by this user with mode {@code 0700}; the file is a regular
 * file owned by this user, writable by nobody else, and equal byte for byte to the bytes just
 * built. A new copy is written to a private temporary file and linked into place, which fails if
 * another JVM got there first (its copy is then checked like any other), so no JVM ever sees a
 * partly written jar or has its copy replaced. Anything else (no POSIX permissions, a folder or
 * file that fails a check, a copy that differs) falls back to a fresh private file for this JVM
 * alone, deleted on exit; a copy that differs is reported once.
 */
final class BridgeJarFile {
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private BridgeJarFile() {}

  /** A jar holding {@code classes} (resource names in the agent jar), ready to append. */
  static Path provide(String[] classes) throws IOException {
    byte[] content = jarBytes(classes);
    Path shared = sharedCopy(content);
    return shared != null ? shared : privateCopy(content);
  }

  private static byte[] jarBytes(String[] classes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
    // A fixed local entry time: the bytes must not depend on the clock (and a long time would
    // load the time-zone database).
    java.time.LocalDateTime entryTime = java.time.LocalDateTime.of(2020, 1, 1, 0, 0);
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      for (String name : classes) {
        byte[] data;
        try (InputStream in = BridgeJarFile.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) {
            throw new IOException("the agent jar lacks " + name);
          }
          data = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(entryTime);
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The shared, verified copy; null when there is no folder or copy to trust. */
  private static Path sharedCopy(byte[] content) {
    try {
      Path folder = privateFolder();
      if (folder == null) {
        return null;
      }
      CRC32 crc = new CRC32();
      crc.update(content);
      Path jar =
          folder.resolve(
              "bridge-" + Long.toHexString(crc.getValue()) + "-" + content.length + ".jar");
      for (int attempt = 0; attempt < 3; attempt++) {
        if (Files.exists(jar, LinkOption.NOFOLLOW_LINKS)) {
          return trusted(jar, content) ? jar : null;
        }
        Path written = newPrivateFile(folder, content);
        try {
          Files.createLink(jar, written);
          return jar;
        } catch (FileAlreadyExistsException raced) {
          // Another JVM linked its copy first: check that one on the next round.
        } finally {
          Files.deleteIfExists(written);
        }
      }
      return null;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // No usable shared copy (e.g. no hard links here): this JVM gets its own.
      return null;
    }
  }

  /**
   * {@code <tmpdir>/piiwarden-<user>}, created {@code 0700} if absent; null when it exists but is
   * not a directory of this user's that nobody else may enter, or permissions are not POSIX.
   */
  private static Path privateFolder() throws IOException {
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

  /** A regular file of this user's that only they may write, holding exactly {@code content}. */
  private static boolean trusted(Path jar, byte[] content) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(jar, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Set<PosixFilePermission> permissions = attributes.permissions();
    boolean safe =
        attributes.isRegularFile()
            && attributes.owner().getName().equals(System.getProperty("user.name"))
            && !permissions.contains(PosixFilePermission.GROUP_WRITE)
            && !permissions.contains(PosixFilePermission.OTHERS_WRITE)
            && attributes.size() == content.length;
    if (safe && Arrays.equals(Files.readAllBytes(jar), content)) {
      return true;
    }
    AgentReport.once(
        "bridge-jar-differs",
        "the bridge jar " + jar + " is not this agent's (changed, or unsafe permissions); it is"
            + " not used, and this JVM writes its own; delete the file to share a fresh one");
    return false;
  }

  /** This JVM's own copy, as before sharing: a new owner-only file, deleted on exit. */
  private static Path privateCopy(byte[] content) throws IOException {
    Path jar = newPrivateFile(Path.of(System.getProperty("java.io.tmpdir")), content);
    jar.toFile().deleteOnExit();
    return jar;
  }

  /**
   * A new file holding {@code content}, readable by its owner only. Created exclusively (no file or
   * link of that name may exist), so the name need not be unguessable: this spares {@code
   * Files.createTempFile} the seeding of a {@code SecureRandom}.
   */
  private static Path newPrivateFile(Path folder, byte[] content) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path file =
          folder.resolve("piiwarden-bootstrap-" + Long.toHexString(System.nanoTime()) + ".jar");
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

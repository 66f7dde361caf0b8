package dev.piiwarden.agent;

import dev.piiwarden.agent.report.AgentReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bridge jar on disk. Its bytes are built in memory from the agent's own class files, read
 * straight from the agent jar and stored uncompressed with a fixed entry time ({@link StoredJar}),
 * so the same agent always makes the same bytes. They are then found in, or put into, the {@link
 * PrivateFolder}, named by their CRC-32 and length, and reused by every later start of that agent:
 * no file is written after the first.
 *
 * <p>A copy is used only when it can be trusted as much as the agent jar itself: the folder and the
 * file pass {@link PrivateFolder}'s checks, and the file is equal byte for byte to the bytes just
 * built. A new copy is linked into place, which fails if another JVM got there first (its copy is
 * then checked like any other), so no JVM ever sees a partly written jar or has its copy replaced.
 * Anything else (no POSIX permissions, a folder or file that fails a check, a copy that differs)
 * falls back to a fresh private file for this JVM alone, deleted on exit; a copy that differs is
 * reported once.
 */
final class BridgeJarFile {
  private BridgeJarFile() {}

  /**
   * A jar holding {@code classes} (resource names in the agent jar) with their class files {@code
   * files} ({@link #classFiles}), ready to append.
   */
  static Path provide(String[] classes, byte[][] files) throws IOException {
    byte[] content = StoredJar.of(classes, files);
    Path shared = sharedCopy(content);
    return shared != null ? shared : privateCopy(content);
  }

  /** The class files {@code classes} (resource names in the agent jar), read from the agent jar. */
  static byte[][] classFiles(String[] classes) throws IOException {
    byte[][] contents = new byte[classes.length][];
    Path agentJar = AgentJar.location();
    if (agentJar != null) {
      // The agent jar directly: a class loader's resource look-up builds a URL and a connection
      // for each entry.
      try (ZipFile jar = new ZipFile(agentJar.toFile())) {
        for (int i = 0; i < classes.length; i++) {
          ZipEntry entry = jar.getEntry(classes[i]);
          if (entry == null) {
            throw new IOException("the agent jar lacks " + classes[i]);
          }
          try (InputStream in = jar.getInputStream(entry)) {
            contents[i] = in.readAllBytes();
          }
        }
      }
    } else {
      for (int i = 0; i < classes.length; i++) {
        try (InputStream in = BridgeJarFile.class.getClassLoader().getResourceAsStream(classes[i])) {
          if (in == null) {
            throw new IOException("the agent jar lacks " + classes[i]);
          }
          contents[i] = in.readAllBytes();
        }
      }
    }
    return contents;
  }

  /** The shared, verified copy; null when there is no folder or copy to trust. */
  private static Path sharedCopy(byte[] content) {
    try {
      Path folder = PrivateFolder.get();
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
        if (PrivateFolder.link(jar, content)) {
          return jar;
        }
        // Another JVM linked its copy first: check that one on the next round.
      }
      return null;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // No usable shared copy (e.g. no hard links here): this JVM gets its own.
      return null;
    }
  }

  /** A regular file of this user's that only they may write, holding exactly {@code content}. */
  private static boolean trusted(Path jar, byte[] content) throws IOException {
    if (PrivateFolder.ownedAndUnshared(jar, content.length)
        && Arrays.equals(Files.readAllBytes(jar), content)) {
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
    Path jar =
        PrivateFolder.newPrivateFile(
            Path.of(System.getProperty("java.io.tmpdir")), "piiwarden-bootstrap-", content);
    jar.toFile().deleteOnExit();
    return jar;
  }
}

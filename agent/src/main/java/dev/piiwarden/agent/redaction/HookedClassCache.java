package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.AgentJar;
import dev.piiwarden.agent.PrivateFolder;
import dev.piiwarden.agent.report.AgentReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The hooked logging classes as {@link LogHookRewriter} wrote them at an earlier start of this
 * very agent, so that a start whose logging classes are those of the last one loads no ASM and
 * rewrites nothing (about 20 ms of CPU, the rewrite running in the interpreter).
 *
 * <p>An entry is a file in the {@link PrivateFolder} named by the agent's {@link
 * AgentJar#fingerprint fingerprint} (any change to any of its classes gives another name) and by the
 * CRC-32 and length of the original class file. It holds the class name, the original class file,
 * the rewritten one and a CRC-32 of all that. It is used only when the folder and file pass the
 * folder's ownership checks, the fingerprint and name match, the original is equal byte for byte to
 * the class file being loaded, and the CRC-32 holds; otherwise the class is rewritten as without a
 * cache, and an entry that fails a check is reported once and left alone. Without an agent jar or
 * a usable folder there is no cache.
 */
final class HookedClassCache {
  private static final byte[] MAGIC = "PIIWARDEN-HOOKED-1\n".getBytes(StandardCharsets.US_ASCII);
  /** A bound on what is read: hooked classes are tens of KB. */
  private static final long MAX_ENTRY = 8 << 20;
  /**
   * Entries kept in the folder: a start stores one per logging class it hooks (up to four), so this
   * keeps those of the last dozen or so agent builds and logging versions; older ones are deleted
   * when a new one is stored (a machine that runs many builds of the agent, a CI runner).
   */
  static final int MAX_ENTRIES = 48;

  private static HookedClassCache shared;
  private static boolean sharedLooked;

  private final Path folder;
  private final String fingerprint;

  HookedClassCache(Path folder, String fingerprint) {
    this.folder = folder;
    this.fingerprint = fingerprint;
  }

  /**
   * The class file with its hook, from the cache or rewritten (and then cached); null as {@link
   * LogHookRewriter#rewrite}.
   */
  static byte[] rewrite(byte[] classFile, String internalName) {
    HookedClassCache cache = shared();
    byte[] cached = cache == null ? null : cache.lookup(internalName, classFile);
    if (cached != null) {
      return cached;
    }
    byte[] rewritten = LogHookRewriter.rewrite(classFile, internalName);
    if (cache != null && rewritten != null) {
      cache.store(internalName, classFile, rewritten);
    }
    return rewritten;
  }

  /** The cache of this agent jar in this user's folder; null when there is none. */
  private static synchronized HookedClassCache shared() {
    if (!sharedLooked) {
      sharedLooked = true;
      try {
        String fingerprint = AgentJar.fingerprint();
        Path folder = fingerprint == null ? null : PrivateFolder.get();
        shared = folder == null ? null : new HookedClassCache(folder, fingerprint);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // No folder to trust: every start rewrites, as it would without a cache.
        shared = null;
      }
    }
    return shared;
  }

  /** The cached rewrite of {@code original}; null when there is none to trust. */
  byte[] lookup(String internalName, byte[] original) {
    Path entry = entryFile(original);
    try {
      if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      byte[] rewritten = null;
      if (PrivateFolder.ownedAndUnshared(entry, -1) && Files.size(entry) <= MAX_ENTRY) {
        rewritten = rewrittenIn(Files.readAllBytes(entry), internalName, original);
      }
      if (rewritten == null) {
        AgentReport.once(
            "hooked-class-cache-differs",
            "the cached rewrite " + entry + " is not this agent's (changed, damaged, or unsafe"
                + " permissions); it is not used and the class is rewritten; delete the file to"
                + " cache a fresh one");
      }
      return rewritten;
    } catch (IOException | SecurityException e) {
      // Unreadable now: the class is rewritten, as without a cache.
      return null;
    }
  }

  /** Keeps the rewrite for later starts; a cache that cannot be written is simply not used. */
  void store(String internalName, byte[] original, byte[] rewritten) {
    try {
      if (PrivateFolder.link(entryFile(original), entry(internalName, original, rewritten))) {
        prune();
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not kept (a full disk, no hard links): the next start rewrites again, nothing else.
    }
  }

  /**
   * Deletes the oldest entries of other agent builds beyond {@link #MAX_ENTRIES}; only when an
   * entry was stored, which a start of an agent seen before does not do.
   */
  private void prune() throws IOException {
    List<Path> others = new ArrayList<>();
    String own = "hooked-" + fingerprint + "-";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "hooked-*.bin")) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().startsWith(own)) {
          others.add(entry);
        }
      }
    }
    if (others.size() <= MAX_ENTRIES) {
      return;
    }
    Map<Path, FileTime> modified = new HashMap<>();
    for (Path entry : others) {
      try {
        modified.put(entry, Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS));
      } catch (IOException gone) {
        modified.put(entry, FileTime.fromMillis(0)); // deleted meanwhile, by another start
      }
    }
    others.sort(Comparator.comparing(modified::get));
    for (Path old : others.subList(0, others.size() - MAX_ENTRIES)) {
      Files.deleteIfExists(old);
    }
  }

  private Path entryFile(byte[] original) {
    CRC32 crc = new CRC32();
    crc.update(original);
    return folder.resolve("hooked-" + fingerprint + "-" + Long.toHexString(crc.getValue()) + "-"
        + original.length + ".bin");
  }

  /** Magic, name, original, rewritten (each with its length), then the CRC-32 of all before it. */
  static byte[] entry(String internalName, byte[] original, byte[] rewritten) {
    byte[] name = internalName.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(
        MAGIC.length + 12 + name.length + original.length + rewritten.length + 8);
    out.put(MAGIC);
    out.putInt(name.length).put(name);
    out.putInt(original.length).put(original);
    out.putInt(rewritten.length).put(rewritten);
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.position());
    out.putLong(crc.getValue());
    return out.array();
  }

  /** The rewritten class file of an entry, when the entry is whole and is about {@code original}. */
  static byte[] rewrittenIn(byte[] entry, String internalName, byte[] original) {
    if (entry.length < MAGIC.length + 20) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(entry);
    CRC32 crc = new CRC32();
    crc.update(entry, 0, entry.length - 8);
    if (in.getLong(entry.length - 8) != crc.getValue()) {
      return null;
    }
    for (byte b : MAGIC) {
      if (in.get() != b) {
        return null;
      }
    }
    byte[] name = internalName.getBytes(StandardCharsets.UTF_8);
    if (!sameBytes(in, name) || !sameBytes(in, original)) {
      return null;
    }
    int length = in.getInt();
    if (length <= 0 || length != in.remaining() - 8) {
      return null;
    }
    byte[] rewritten = new byte[length];
    in.get(rewritten);
    return rewritten;
  }

  /** Reads a length and that many bytes; whether they are {@code expected}. */
  private static boolean sameBytes(ByteBuffer in, byte[] expected) {
    if (in.remaining() < 4 + 8) {
      return false;
    }
    int length = in.getInt();
    if (length != expected.length || in.remaining() < length + 8) {
      return false;
    }
    int start = in.position();
    in.position(start + length);
    return Arrays.equals(in.array(), start, start + length, expected, 0, length);
  }
}

package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookedClassCacheTest {
  private static final String NAME = "ch/qos/logback/classic/Logger";
  private static final byte[] ORIGINAL = "the original class file".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REWRITTEN = "the class file with its hook".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path folder;
  private HookedClassCache cache;

  @BeforeEach
  void privateFolder() throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    cache = new HookedClassCache(folder, "agent-1");
  }

  @Test
  void aStoredRewriteIsFoundByItsOriginal() {
    assertNull(cache.lookup(NAME, ORIGINAL), "nothing cached yet");
    cache.store(NAME, ORIGINAL, REWRITTEN);
    assertArrayEquals(REWRITTEN, cache.lookup(NAME, ORIGINAL));
  }

  @Test
  void storingKeepsOnlyTheNewestEntriesOfOtherAgentBuilds() throws Exception {
    // a machine that ran many builds of the agent: their entries pile up, oldest first
    int builds = HookedClassCache.MAX_ENTRIES + 10;
    for (int build = 0; build < builds; build++) {
      byte[] original = ("logging class of build " + build).getBytes(StandardCharsets.US_ASCII);
      new HookedClassCache(folder, "build-" + build).store(NAME, original, REWRITTEN);
      String prefix = "hooked-build-" + build + "-";
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
          Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * (build + 1)));
        }
      }
    }
    cache.store(NAME, ORIGINAL, REWRITTEN);
    try (Stream<Path> files = Files.list(folder)) {
      List<String> kept = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("hooked-")).sorted().toList();
      assertEquals(HookedClassCache.MAX_ENTRIES + 1, kept.size(), kept.toString());
      assertEquals(1, kept.stream().filter(n -> n.startsWith("hooked-agent-1-")).count());
      assertEquals(0, kept.stream().filter(n -> n.startsWith("hooked-build-0-") || n.startsWith("hooked-build-9-")).count());
      assertEquals(1, kept.stream().filter(n -> n.startsWith("hooked-build-" + (builds - 1) + "-")).count());
    }
    assertArrayEquals(REWRITTEN, cache.lookup(NAME, ORIGINAL));
  }

  @Test
  void anotherAgentOrAnotherClassFileFindsNothing() {
    cache.store(NAME, ORIGINAL, REWRITTEN);
    assertNull(new HookedClassCache(folder, "agent-2").lookup(NAME, ORIGINAL));
    assertNull(cache.lookup(NAME, "another original class".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aChangedEntryIsNotUsedNorReplaced() throws Exception {
    cache.store(NAME, ORIGINAL, REWRITTEN);
    Path entry = onlyEntry();
    byte[] changed = Files.readAllBytes(entry);
    changed[changed.length - 12] ^= 1; // a byte of the rewritten class
    Files.write(entry, changed);

    assertNull(cache.lookup(NAME, ORIGINAL));
    cache.store(NAME, ORIGINAL, REWRITTEN);
    assertArrayEquals(changed, Files.readAllBytes(entry));
  }

  @Test
  void anEntryAboutOtherBytesOrAnotherClassIsNotUsed() {
    byte[] entry = HookedClassCache.entry(NAME, ORIGINAL, REWRITTEN);
    assertArrayEquals(REWRITTEN, HookedClassCache.rewrittenIn(entry, NAME, ORIGINAL));
    assertNull(HookedClassCache.rewrittenIn(entry, NAME, "the original class filE".getBytes(StandardCharsets.US_ASCII)));
    assertNull(HookedClassCache.rewrittenIn(entry, "org/apache/logging/log4j/core/config/LoggerConfig", ORIGINAL));
    for (int cut = 0; cut < entry.length; cut += 7) {
      assertNull(HookedClassCache.rewrittenIn(java.util.Arrays.copyOf(entry, cut), NAME, ORIGINAL), "cut at " + cut);
    }
  }

  @Test
  void anEntryOthersMayWriteIsNotUsed() throws Exception {
    cache.store(NAME, ORIGINAL, REWRITTEN);
    Files.setPosixFilePermissions(onlyEntry(), PosixFilePermissions.fromString("rw-rw-r--"));
    assertNull(cache.lookup(NAME, ORIGINAL));
  }

  @Test
  void anEntryIsWrittenOwnerOnly() throws Exception {
    cache.store(NAME, ORIGINAL, REWRITTEN);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(onlyEntry())));
  }

  private Path onlyEntry() throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all::toString);
      return all.get(0);
    }
  }
}

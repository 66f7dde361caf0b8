package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain continues from the last whole record of a trail larger than the first window read, and
 * a torn tail longer than that window is still found with the record before it.
 */
class TrailTailTest {
  @TempDir Path folder;

  @Test
  void aLargeTrailContinuesFromItsLastRecord() throws Exception {
    List<String> lines = AuditFixtures.chain(600);
    Path file = AuditFixtures.write(folder.resolve("large.jsonl"), lines);
    assertEquals(true, Files.size(file) > 2 * TrailTail.FIRST_WINDOW, "the file is larger than the first window");

    AuditSink.Start start = read(file);

    RecordLine last = RecordLine.parse(lines.get(599).getBytes(StandardCharsets.UTF_8));
    assertEquals(600, start.position().seq());
    assertEquals(last.hash(), start.position().hash());
    assertNull(start.torn());
  }

  @Test
  void aTornTailLongerThanTheFirstWindowIsFoundWithTheRecordBeforeIt() throws Exception {
    List<String> lines = AuditFixtures.chain(600);
    Path file = AuditFixtures.write(folder.resolve("torn.jsonl"), lines);
    byte[] torn = ("{\"v\":1,\"seq\":601," + "x".repeat(TrailTail.FIRST_WINDOW + 100))
        .getBytes(StandardCharsets.UTF_8);
    Files.write(file, torn, StandardOpenOption.APPEND);

    AuditSink.Start start = read(file);

    assertEquals(600, start.position().seq());
    assertArrayEquals(torn, start.torn().bytes());
    assertEquals(601, start.torn().line());
  }

  @Test
  void aFileEndingInMoreThanTheWindowWithoutARecordIsRefused() throws Exception {
    Path file = AuditFixtures.write(folder.resolve("foreign.jsonl"), AuditFixtures.chain(3));
    Files.write(file, ("x".repeat(TrailTail.WINDOW) + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    assertThrows(AuditException.class, () -> read(file));
  }

  private static AuditSink.Start read(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return TrailTail.read(file, channel);
    }
  }
}

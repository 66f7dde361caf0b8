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
    byte[] torn = ("{\"v\":1,\"seq\":601,\"ts\":\"" + "x".repeat(TrailTail.FIRST_WINDOW + 100))
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

  /** Text put in place of the last record is no crash: it is refused, not acknowledged. */
  @Test
  void textInPlaceOfTheLastRecordIsRefusedByEveryWriterAndTheFileIsLeftAsItIs() throws Exception {
    List<String> lines = AuditFixtures.chain(3);
    Path file = AuditFixtures.write(folder.resolve("piiwarden-audit.jsonl"), lines.subList(0, 2));
    Files.write(file, "nothing to see here, ops was here".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    byte[] before = Files.readAllBytes(file);
    String expected = "audit file " + file + " ends with 33 bytes after its last record (seq 2) that"
        + " are not the start of the record a writer would write next (a record cut short by a crash"
        + " begins {\"v\":1,\"seq\":3, nothing else does): they were put there after the file was"
        + " written, from line 3 on, so it cannot be continued; keep the file for the auditor"
        + " ('piiwarden audit verify' names the first line that is no record), and move it aside so"
        + " that a new trail begins";

    assertEquals(expected, assertThrows(AuditException.class, () -> read(file)).getMessage());
    assertEquals(expected, assertThrows(AuditException.class, () -> JsonlSink.checkEnd(file))
        .getMessage());
    Path key = Files.write(folder.resolve("piiwarden-audit.key"), AuditFixtures.KEY_BYTES);
    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    AuditTrailOptions options = AuditTrailOptions.defaults().sink("jsonl:" + file).keyFile(key)
        .problems(problem -> { throw new AssertionError(problem); });
    assertEquals(expected, assertThrows(AuditException.class, () -> AuditTrail.open(options))
        .getMessage());
    assertEquals(expected, assertThrows(AuditException.class, () -> AuditAppender.open(options))
        .getMessage());
    assertArrayEquals(before, Files.readAllBytes(file), "nothing written, nothing cut");
  }

  @Test
  void onlyTheNextRecordsBeginningCutShortIsATornRecord() throws Exception {
    List<String> lines = AuditFixtures.chain(3);
    String third = lines.get(2);
    // cut anywhere in the record's first bytes, or after them: a crash while writing seq 3
    for (String torn : List.of("{", "{\"v\":1,\"se", "{\"v\":1,\"seq\":3",
        third.substring(0, third.length() - 1), third.substring(0, 40) + "\n" + third.substring(0, 20))) {
      Path file = AuditFixtures.write(folder.resolve("torn.jsonl"), lines.subList(0, 2));
      Files.write(file, torn.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
      assertArrayEquals(torn.getBytes(StandardCharsets.UTF_8), read(file).torn().bytes(), torn);
    }
    // another seq, a whole record changed so that it no longer reads as one, an empty line between
    for (String other : List.of("{\"v\":1,\"seq\":9,\"ts\":\"2026", "{\"v\":1,\"seq\":30",
        third.replace(",\"prev\":", ",\"prevv\":"), third.substring(0, 40) + "\n\n" + third.substring(0, 20),
        "[\"v\",1]")) {
      Path file = AuditFixtures.write(folder.resolve("other.jsonl"), lines.subList(0, 2));
      Files.write(file, other.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
      assertThrows(AuditException.class, () -> read(file), other);
    }
  }

  @Test
  void anotherProgramsFileIsNoTrailToContinue() throws Exception {
    Path file = folder.resolve("app.log");
    Files.writeString(file, "2026-11-22 10:15:32 INFO started\n2026-11-22 10:15:33 INFO ready");

    assertEquals("audit file " + file + " holds no audit record, and its 63 bytes are not the start"
        + " of one as a writer writes it (a record cut short by a crash begins {\"v\":1,\"seq\":1,"
        + " nothing else does): it is no audit trail, so it cannot be continued; keep the file for"
        + " the auditor ('piiwarden audit verify' names the first line that is no record), and move"
        + " it aside so that a new trail begins",
        assertThrows(AuditException.class, () -> read(file)).getMessage());
  }

  private static AuditSink.Start read(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return TrailTail.read(file, channel);
    }
  }
}

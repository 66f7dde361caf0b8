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
    String expected = "audit file " + file + " ends with 33 bytes after its last record (seq 2), from"
        + " line 3 on, that are neither a whole record nor record seq 3 cut short by a crash (all a"
        + " crash leaves there is that record's start, {\"v\":1,\"seq\":3,\"ts\":\" or less of it,"
        + " cut short before its hash): they were put there after the file was written, so it cannot"
        + " be continued; keep the file for the auditor ('piiwarden audit verify' names the first line"
        + " that is no record), and move it aside so that a new trail begins";

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

  /**
   * A whole last record without its newline (a power cut between the record and its newline, a
   * copy that dropped it) is the last record, as verify reads it: every writer continues after it,
   * ending its line first, and the trail still verifies.
   */
  @Test
  void aWholeLastRecordWithoutItsNewlineIsContinuedByEveryWriter() throws Exception {
    List<String> lines = AuditFixtures.chain(3);
    Path file = AuditFixtures.write(folder.resolve("piiwarden-audit.jsonl"), lines);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1));
    AuditVerifier verifier = new AuditVerifier(AuditFixtures.KEY);
    assertEquals(true, verifier.verify(List.of(file)).ok(), "verify reads it as a record");

    AuditSink.Start start = read(file);
    assertEquals(3, start.position().seq());
    assertNull(start.torn(), "no torn record");
    JsonlSink.checkEnd(file);

    List<String> problems = new java.util.ArrayList<>();
    AuditTrailOptions options = options(file, problems);
    try (AuditTrail trail = AuditTrail.open(options)) {
      trail.record(AuditFixtures.access(4));
    }
    byte[] written = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(written, written.length - 1));
    try (AuditAppender appender = AuditAppender.open(options)) {
      appender.append(AuditFixtures.access(5));
    }

    List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(lines, after.subList(0, 3));
    assertEquals(5, after.size(), after::toString);
    VerificationReport report = verifier.verify(List.of(file));
    assertEquals(true, report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(5, report.last().seq());
    assertEquals(List.of(), report.notes());
    assertEquals(List.of(), problems);
  }

  /**
   * A crash during the first write after a rotation leaves the active file holding record seq N+1
   * cut short, N the rotated file's last: the writer acknowledges it and chains on from seq N, and
   * the trail verifies with a note.
   */
  @Test
  void aRecordTornInTheFirstWriteAfterARotationIsAcknowledged() throws Exception {
    List<String> lines = AuditFixtures.chain(4);
    AuditFixtures.write(folder.resolve("piiwarden-audit.1.jsonl"), lines.subList(0, 3));
    Path active = folder.resolve("piiwarden-audit.jsonl");
    Files.write(active, lines.get(3).substring(0, 40).getBytes(StandardCharsets.UTF_8));
    JsonlSink.checkEnd(active);

    try (AuditTrail trail = AuditTrail.open(options(active, new java.util.ArrayList<>()))) {
      trail.record(AuditFixtures.access(4));
    }

    VerificationReport report = new AuditVerifier(AuditFixtures.KEY)
        .verify(List.of(folder.resolve("piiwarden-audit.1.jsonl"), active));
    assertEquals(true, report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(1, report.notes().size(), report.notes()::toString);
  }

  /** A writer's options for the trail {@code active}, with the fixtures' key in a file beside it. */
  private AuditTrailOptions options(Path active, List<String> problems) throws Exception {
    Path key = Files.write(folder.resolve("piiwarden-audit.key"), AuditFixtures.KEY_BYTES);
    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return AuditTrailOptions.defaults().sink("jsonl:" + active).keyFile(key).fsync(FsyncPolicy.never())
        .problems(problems::add);
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

    assertEquals("audit file " + file + " holds no audit record, and its 63 bytes are not record seq 1"
        + " cut short by a crash either (all a crash leaves there is that record's start,"
        + " {\"v\":1,\"seq\":1,\"ts\":\" or less of it, cut short before its hash): it is no audit"
        + " trail, so it cannot be continued; keep the file for the auditor ('piiwarden audit verify'"
        + " names the first line that is no record), and move it aside so that a new trail begins",
        assertThrows(AuditException.class, () -> read(file)).getMessage());
  }

  private static AuditSink.Start read(Path file) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return TrailTail.read(file, channel);
    }
  }
}

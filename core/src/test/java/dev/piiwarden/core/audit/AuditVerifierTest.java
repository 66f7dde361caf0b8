package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {
  @TempDir Path folder;

  private final AuditVerifier verifier = new AuditVerifier(AuditFixtures.KEY);

  @Test
  void anUntouchedTrailVerifies() throws IOException {
    VerificationReport report = verify(AuditFixtures.chain(5));

    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(5, report.records());
    assertEquals(5, report.last().seq());
  }

  @Test
  void anEditedRecordIsNamed() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.set(2, lines.get(2).replace("svc-crm", "svc-crn"));

    assertFinding(verify(lines), Finding.Kind.EDITED, 3, 3);
  }

  @Test
  void aDeletedRecordIsNamedAtTheRecordAfterTheGap() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.remove(2);

    Finding finding = assertFinding(verify(lines), Finding.Kind.MISSING, 3, 4);
    assertTrue(finding.detail().startsWith("record seq 3 is missing"), finding.detail());
  }

  @Test
  void aDeletedFirstRecordIsNamed() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.remove(0);

    assertFinding(verify(lines), Finding.Kind.MISSING, 1, 2);
  }

  @Test
  void aForgedInsertedRecordIsNamed() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    String third = lines.get(2);
    lines.add(2, third.replace("svc-crm", "intruder"));

    assertFinding(verify(lines), Finding.Kind.INSERTED, 3, 3);
  }

  @Test
  void aCopiedRecordInsertedIsNamed() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.add(4, lines.get(1));

    Finding finding = assertFinding(verify(lines), Finding.Kind.INSERTED, 5, 2);
    assertEquals("a copy of record seq 2 was inserted after seq 4", finding.detail());
  }

  /** Another trail with the same key appended after this one ({@code cat A B}): not a copy. */
  @Test
  void anotherTrailAppendedIsNamedWhereItsRecordsBeginNotAsACopy() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(10));
    lines.addAll(otherTrail(5));

    Finding finding = assertFinding(verify(lines), Finding.Kind.INSERTED, 11, 1);
    assertEquals("another trail's records begin here: a record with seq 1 after seq 10 that is not"
        + " a copy of this trail's record seq 1 (another trail, written with the same key, was"
        + " appended)", finding.detail());
  }

  @Test
  void anotherTrailsRecordWithAnEarlierSeqIsNotCalledACopy() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.add(5, otherTrail(3).get(2));

    Finding finding = assertFinding(verify(lines), Finding.Kind.INSERTED, 6, 3);
    assertEquals("another trail's record was inserted after seq 5: seq 3 again, not a copy of this"
        + " trail's record seq 3 (another trail written with the same key)", finding.detail());
  }

  /** Records 1 to 5 of this trail, then another same-key trail's from seq 6: record 5 is genuine. */
  @Test
  void aSpliceOfTwoTrailsSaysTheRecordsFromHereOnAreAnotherTrails() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.addAll(otherTrail(8).subList(5, 8));

    Finding finding = assertFinding(verify(lines), Finding.Kind.BROKEN_LINK, 6, 6);
    assertEquals("the record does not chain to the record before it (its prev is not that record's"
        + " hash), while the record after it chains to it: from here on the records belong to"
        + " another trail than those before, written with the same key (two trails joined after"
        + " seq 5)", finding.detail());
  }

  /** Records of a trail written with the fixtures' key from different events. */
  private static List<String> otherTrail(int count) {
    HashChain chain = new HashChain(AuditFixtures.KEY, ChainPosition.START);
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(chain.seal(AuditFixtures.access(100 + i)).line());
    }
    return lines;
  }

  @Test
  void swappedRecordsAreNamedAsReordered() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    Collections.swap(lines, 1, 3);

    Finding finding = assertFinding(verify(lines), Finding.Kind.REORDERED, 2, 4);
    assertEquals("records are out of order: seq 4 comes before seq 2", finding.detail());
  }

  @Test
  void aTruncatedTailIsNamed() throws IOException {
    List<String> lines = AuditFixtures.chain(4);
    Path file = folder.resolve("trail.jsonl");
    String text = String.join("\n", lines);
    Files.writeString(file, text.substring(0, text.length() - 40), StandardCharsets.UTF_8);

    VerificationReport report = verifier.verify(List.of(file));

    assertFinding(report, Finding.Kind.TRUNCATED, 4, -1);
    assertEquals(3, report.last().seq());
  }

  /**
   * A crash tore record 4; the restarted writer ended it with a newline and was killed in turn
   * inside its audit.recovered. The trail ends in two torn lines: truncated, named at the first,
   * and the next restart acknowledges both, after which the trail verifies.
   */
  @Test
  void aCrashDuringTheRestartAfterACrashIsStillATruncatedTail() throws IOException {
    List<String> lines = AuditFixtures.chain(4);
    Path file = folder.resolve("piiwarden-audit.jsonl");
    String torn = lines.get(3).substring(0, 100);
    String tornRecovered = lines.get(3).substring(0, 30);
    Files.writeString(file, String.join("\n", lines.subList(0, 3)) + "\n" + torn + "\n" + tornRecovered,
        StandardCharsets.UTF_8);

    VerificationReport killedTwice = verifier.verify(List.of(file));

    Finding finding = assertFinding(killedTwice, Finding.Kind.TRUNCATED, 4, -1);
    assertTrue(finding.detail().startsWith("the trail ends in 2 torn lines (131 bytes, no whole record)"),
        finding.describe());
    assertEquals(3, killedTwice.records());

    Path keyFile = Files.write(folder.resolve("piiwarden-audit.key"), AuditFixtures.KEY_BYTES);
    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    List<String> problems = new ArrayList<>();
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + file)
        .keyFile(keyFile).problems(problems::add))) {
      trail.record(AuditFixtures.access(5));
    }
    VerificationReport after = verifier.verify(List.of(file));
    assertTrue(after.ok(), () -> after.finding().orElseThrow().describe());
    assertEquals(5, after.records(), "three, audit.recovered and the new one");
    assertEquals(1, after.notes().size(), after.notes().toString());
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void aTailLongerThanAnyRecordIsNotATornRecord() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.add("x".repeat(TrailTail.WINDOW + 1));

    assertFinding(verify(lines), Finding.Kind.NOT_A_RECORD, 4, -1);
  }

  /** Text in place of the last record is no torn record: not a record, not truncated. */
  @Test
  void textAtTheEndIsNotARecordNotATruncatedTail() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.set(2, "nothing to see here, ops was here");

    Finding finding = assertFinding(verify(lines), Finding.Kind.NOT_A_RECORD, 3, -1);
    assertEquals("the line is not an audit record (garbage, or a record damaged beyond reading)",
        finding.detail());
  }

  /** A record of a newer format is said to be one, not called garbage: verify it with its writer. */
  @Test
  void aRecordOfANewerFormatIsSaidToBeOne() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.set(2, lines.get(2).replace("{\"v\":1,", "{\"v\":2,"));

    Finding finding = assertFinding(verify(lines), Finding.Kind.NOT_A_RECORD, 3, -1);
    assertEquals("the line is a record of format version 2, which this version of PII Warden does not"
        + " read (it reads version 1); verify the trail with the version of PII Warden that wrote it",
        finding.detail());
  }

  /**
   * Text acknowledged by an audit.recovered that names it exactly (what a writer that took any
   * bytes for a torn record wrote): still no crash's, so not a note but a line that is no record.
   */
  @Test
  void anAcknowledgementOfBytesNoCrashLeavesDoesNotMakeThemATornRecord() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    byte[] text = "nothing to see here, ops was here".getBytes(StandardCharsets.UTF_8);
    HashChain after = new HashChain(AuditFixtures.KEY,
        new ChainPosition(3, RecordLine.parse(lines.get(2)).hash()));
    lines.add(new String(text, StandardCharsets.UTF_8));
    lines.add(after.seal(TrailWriter.recoveredEvent(AuditFixtures.KEY,
        new AuditSink.TornTail("trail.jsonl", 4, text))).line());

    assertFinding(verify(lines), Finding.Kind.NOT_A_RECORD, 4, -1);
  }

  @Test
  void aGarbageLineIsNamed() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    lines.add(3, "hello, I am not a record");

    assertFinding(verify(lines), Finding.Kind.NOT_A_RECORD, 4, -1);
  }

  @Test
  void aRecordFromAnotherChainIsABrokenLink() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    HashChain other = new HashChain(AuditFixtures.KEY, new ChainPosition(2, "1".repeat(64)));
    lines.set(2, other.seal(AuditFixtures.access(3)).line());

    assertFinding(verify(lines), Finding.Kind.BROKEN_LINK, 3, 3);
  }

  /** Record 3 of 5 replaced by record 3 of another trail with the same key: this line is foreign. */
  @Test
  void aRecordReplacedByAnotherTrailsRecordIsNamedAsTheForeignOne() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    HashChain other = new HashChain(AuditFixtures.KEY, new ChainPosition(2, "1".repeat(64)));
    lines.set(2, other.seal(AuditFixtures.access(3)).line());

    Finding finding = assertFinding(verify(lines), Finding.Kind.BROKEN_LINK, 3, 3);
    assertEquals("this record was not written here: its hash matches the key, but it chains"
        + " neither to the record before it nor to the record after it (another trail's record,"
        + " written with the same key, replaced the one written here)", finding.detail());
  }

  /**
   * Record 2 replaced by another trail's that chains to 1 (a copy of the trail continued
   * elsewhere): record 3 is where it shows, as two trails joined.
   */
  @Test
  void aRecordWhoseFollowersChainToItSaysTwoTrailsAreJoinedThere() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(5));
    HashChain fork = new HashChain(AuditFixtures.KEY, new ChainPosition(1,
        RecordLine.parse(lines.get(0).getBytes(StandardCharsets.UTF_8)).hash()));
    lines.set(1, fork.seal(AuditFixtures.access(99)).line());

    Finding finding = assertFinding(verify(lines), Finding.Kind.BROKEN_LINK, 3, 3);
    assertTrue(finding.detail().endsWith("from here on the records belong to another trail than those"
        + " before, written with the same key (two trails joined after seq 2)"), finding.detail());
  }

  /** The middle one of three rotated files left out: the hint says which files to pass. */
  @Test
  void aLeftOutMiddleRotatedFileIsNamedAsSuch() throws IOException {
    List<String> lines = AuditFixtures.chain(9);
    Path first = AuditFixtures.write(folder.resolve("trail.1.jsonl"), lines.subList(0, 3));
    AuditFixtures.write(folder.resolve("trail.2.jsonl"), lines.subList(3, 6));
    Path active = AuditFixtures.write(folder.resolve("trail.jsonl"), lines.subList(6, 9));

    VerificationReport report = verifier.verify(List.of(first, active));

    Finding finding = assertFinding(report, Finding.Kind.MISSING, 1, 7);
    assertEquals(active, finding.file());
    assertEquals("records seq 4 to 6 are missing before this record (deleted, or rotated files"
        + " between trail.1.jsonl and trail.jsonl were not given: pass them too, in rotation"
        + " order)", finding.detail());
  }

  @Test
  void aWrongKeyFindsTheFirstRecordEditedAndSaysTheKeyMayNotBeTheTrails() throws IOException {
    byte[] otherKey = new byte[32];
    Path file = AuditFixtures.write(folder.resolve("trail.jsonl"), AuditFixtures.chain(2));

    VerificationReport report = new AuditVerifier(AuditKey.of(otherKey)).verify(List.of(file));

    Finding finding = assertFinding(report, Finding.Kind.EDITED, 1, 1);
    assertTrue(finding.detail().startsWith("no record verifies with this key: it is not the trail's key"),
        finding.detail());
  }

  @Test
  void emptyLinesAfterTheLastRecordAreANoteNotDamage() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.add("");

    VerificationReport report = verify(lines);

    assertTrue(report.finding().isEmpty(), () -> report.finding().get().describe());
    assertEquals(3, report.records());
    assertEquals(1, report.notes().size(), report.notes().toString());
    assertTrue(report.notes().get(0).endsWith(":4: an empty line after the last record (added after the"
        + " trail was written, by an editor, say; no record is in them)"), report.notes().get(0));
  }

  @Test
  void anEditedFirstRecordBeforeGenuineOnesIsAnEditNotAKeyQuestion() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.set(0, lines.get(0).replace("svc-crm", "svc-crn"));

    Finding finding = assertFinding(verify(lines), Finding.Kind.EDITED, 1, 1);
    assertTrue(finding.detail().startsWith("the record was changed after it was written"), finding.detail());
  }

  @Test
  void findingDescribesFileLineSeqAndWhat() {
    Finding finding = new Finding(Finding.Kind.EDITED, Path.of("trail.jsonl"), 3, 3, "x");
    assertEquals("trail.jsonl:3: seq 3: edited: x", finding.describe());
  }

  /**
   * Files deleted once their retention period ended: the rest verifies from the last record
   * deleted (its seq and hash, from the deleted files' own OK line), and only from that one.
   */
  @Test
  void theFilesLeftAfterTheOldestWereDeletedVerifyFromTheLastRecordDeleted() throws IOException {
    List<String> lines = AuditFixtures.chain(8);
    Path oldest = AuditFixtures.write(folder.resolve("piiwarden-audit.1.jsonl"), lines.subList(0, 5));
    Path rest = AuditFixtures.write(folder.resolve("piiwarden-audit.jsonl"), lines.subList(5, 8));
    VerificationReport deleted = verifier.verify(List.of(oldest));
    TrailAnchor after = new TrailAnchor(deleted.last().seq(), deleted.last().hash());

    VerificationReport report = verifier.verify(List.of(rest), after);
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(3, report.records());
    assertEquals(8, report.last().seq());

    Finding without = assertFinding(verifier.verify(List.of(rest)), Finding.Kind.MISSING, 1, 6);
    assertTrue(without.detail().contains("verified past with --after SEQ:HASH"), without.detail());
    Finding wrongHash = assertFinding(verifier.verify(List.of(rest), new TrailAnchor(5, "ab".repeat(32))),
        Finding.Kind.BROKEN_LINK, 1, 6);
    assertTrue(wrongHash.detail().contains("not " + "ab".repeat(32) + " (--after)"), wrongHash.detail());
    assertFinding(verifier.verify(List.of(rest), new TrailAnchor(4, after.hash())), Finding.Kind.MISSING, 1, 6);
    AuditException both = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class,
        () -> verifier.verify(List.of(oldest, rest), after));
    assertTrue(both.getMessage().contains("begins at seq 1, not after seq 5 (--after)"), both.getMessage());
  }

  /** A line longer than any record is kept only in part: it is no record, and the lines after it are read. */
  @Test
  void aLineLongerThanAnyRecordIsNotARecordAndIsNotHeldWhole() throws IOException {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.add(1, "{\"v\":1,\"seq\":2,\"ts\":\"" + "a".repeat(ByteLines.MAX_LINE + 1_000_000));
    Path trail = AuditFixtures.write(folder.resolve("trail.jsonl"), lines);
    try (ByteLines read = new ByteLines(trail)) {
      read.next();
      assertEquals(ByteLines.MAX_LINE, read.next().length);
      assertEquals(lines.get(2), new String(read.next(), StandardCharsets.UTF_8));
    }

    assertFinding(verifier.verify(List.of(trail)), Finding.Kind.NOT_A_RECORD, 2, -1);
  }

  private VerificationReport verify(List<String> lines) throws IOException {
    return verifier.verify(List.of(AuditFixtures.write(folder.resolve("trail.jsonl"), lines)));
  }

  private static Finding assertFinding(
      VerificationReport report, Finding.Kind kind, long line, long seq) {
    Finding finding = report.finding().orElseThrow(() -> new AssertionError("no finding"));
    assertEquals(kind, finding.kind(), finding.describe());
    assertEquals(line, finding.line(), finding.describe());
    assertEquals(seq, finding.seq(), finding.describe());
    return finding;
  }
}

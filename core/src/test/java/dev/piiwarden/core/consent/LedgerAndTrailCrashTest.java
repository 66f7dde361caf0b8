package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Finding;
import dev.piiwarden.core.audit.TrailFiles;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM writing a file ledger and an audit trail is killed with SIGKILL mid-write. On restart
 * every ledger write that had returned is read, and so is every complete trail record; the torn
 * tail of each file is skipped and reported in one line ({@code verify} names it as the truncated
 * end, not as damage); the next write starts on a fresh line, and the trail verifies again.
 *
 * <p>SIGKILL tears a line only when it lands inside a write of more than a page, which a ledger
 * line never is and a trail batch often is not. When the kill left a file ending in a whole line,
 * the test appends half a line, what a kill inside the next write leaves, so the recovery runs on
 * every run.
 */
class LedgerAndTrailCrashTest {
  private static final int SUBJECTS = 40;

  @TempDir Path folder;

  static String subject(long write) {
    return "u-" + (write % SUBJECTS);
  }

  static String source(long write) {
    return "form-" + write;
  }

  @Test
  void killedMidWriteBothFilesRecoverWithTheirTornTailsIsolated() throws Exception {
    Path ledgerFile = folder.resolve("consent.jsonl");
    Path active = folder.resolve("piiwarden-audit.jsonl");
    Path keyFile = folder.resolve("piiwarden-audit.key");
    Path childErr = folder.resolve("child.err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LedgerAndTrailWriterProcess.class.getName(),
        ledgerFile.toString(), active.toString(), keyFile.toString())
        .redirectError(childErr.toFile())
        .start();
    long acknowledged = 0;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        acknowledged = Math.max(acknowledged, Long.parseLong(line));
        if (acknowledged >= 300 && child.isAlive()) {
          // SIGKILL: no shutdown hook, no flush, no close. Through the handle, unlike
          // Process.destroyForcibly, it leaves the pipe open to read what was printed before.
          child.toHandle().destroyForcibly();
        }
      }
      // What the child printed before it died was read to the end: each number is a ledger
      // write that had returned. A number cut by the kill reads smaller, so max is safe.
    }
    assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child was killed");
    assertTrue(acknowledged >= 300,
        "the child ran until the kill: " + Files.readString(childErr, StandardCharsets.UTF_8));

    boolean ledgerTorn = tearIfWhole(ledgerFile, line -> line);
    boolean trailTorn = tearIfWhole(active, LedgerAndTrailCrashTest::nextRecordsStart);
    System.out.printf("kill -9 after %d ledger writes tore the ledger: %s, the trail: %s%n",
        acknowledged, ledgerTorn, trailTorn);

    checkLedger(ledgerFile, acknowledged);
    checkTrail(active, keyFile);
  }

  private static void checkLedger(Path file, long acknowledged) throws IOException {
    byte[] killed = Files.readAllBytes(file);
    byte[] torn = Arrays.copyOfRange(killed, lastNewline(killed) + 1, killed.length);
    long wholeLines = countNewlines(killed);

    List<String> warnings = new ArrayList<>();
    ConsentLedger restarted = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO);
    Set<String> sources = new HashSet<>();
    long records = 0;
    for (int s = 0; s < SUBJECTS; s++) {
      for (var record : restarted.history("u-" + s)) {
        sources.add(record.source());
        records++;
      }
    }
    for (long write = 1; write <= acknowledged; write++) {
      assertTrue(sources.contains(source(write)), "ledger write " + write + " was read back");
    }
    assertEquals(wholeLines, records, "every whole line is a record and is read");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).endsWith("line " + (wholeLines + 1)
        + " is incomplete (a torn write) and is skipped"), warnings.get(0));
    assertNoRecordContent(warnings.get(0));

    restarted.grant("u-after", "marketing", "after-restart");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(wholeLines + 2, lines.size(), "the torn bytes and the new record, each on its line");
    assertArrayEquals(torn, lines.get(lines.size() - 2).getBytes(StandardCharsets.UTF_8));
    assertEquals("u-after", ConsentRecordJson.parse(lines.get(lines.size() - 1)).subject());
    assertTrue(restarted.isGranted("u-after", "marketing.communications.email"));

    List<String> later = new ArrayList<>();
    ConsentLedger another = new ConsentLedger(new FileConsentStore(file, later::add), Duration.ZERO);
    assertEquals(1, another.history("u-after").size(), "a new reader sees the new record");
    assertEquals(1, later.size(), later.toString());
    assertTrue(later.get(0).endsWith("line " + (wholeLines + 1) + " is incomplete (a torn write) and is skipped"),
        later.get(0));
    assertNoRecordContent(later.get(0));
  }

  private static void checkTrail(Path active, Path keyFile) throws IOException {
    AuditVerifier verifier = new AuditVerifier(AuditKey.load(keyFile));
    List<Path> files = TrailFiles.inOrder(active);
    byte[] killedBytes = Files.readAllBytes(active);
    byte[] torn = Arrays.copyOfRange(killedBytes, lastNewline(killedBytes) + 1, killedBytes.length);
    long wholeLines = countNewlines(killedBytes);

    VerificationReport killed = verifier.verify(files);
    Finding finding = killed.finding().orElseThrow();
    assertEquals(Finding.Kind.TRUNCATED, finding.kind(), finding.describe());
    assertEquals(wholeLines + 1, finding.line(), "the torn last line is named: " + finding.describe());
    assertEquals(wholeLines, killed.records(), "every whole line before it verifies");

    List<String> problems = new ArrayList<>();
    try (AuditTrail restarted = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + active)
        .keyFile(keyFile).problems(problems::add))) {
      restarted.record(AuditEvent.of(AuditEventType.ACCESS).actor("after-restart")
          .activity("com.acme.Accounts#fetch(java.lang.String)").build());
    }
    assertEquals(1, problems.size(), problems.toString());
    assertNoRecordContent(problems.get(0));

    VerificationReport after = verifier.verify(TrailFiles.inOrder(active));
    assertTrue(after.ok(), () -> after.finding().orElseThrow().describe());
    assertEquals(killed.records() + 2, after.records(), "audit.recovered and the new record");
    assertEquals(1, after.notes().size(), after.notes().toString());
    List<String> lines = Files.readAllLines(active, StandardCharsets.UTF_8);
    assertEquals(wholeLines + 3, lines.size());
    assertArrayEquals(torn, lines.get(lines.size() - 3).getBytes(StandardCharsets.UTF_8));
    assertTrue(lines.get(lines.size() - 2).contains("\"type\":\"audit.recovered\""), lines.get(lines.size() - 2));
    assertTrue(lines.get(lines.size() - 1).contains("\"actor\":\"after-restart\""), lines.get(lines.size() - 1));
  }

  /**
   * Leaves the file ending in a torn line: as the kill left it, or, when the kill fell between two
   * writes, with the first half of the line the next write would have begun appended ({@code next}
   * of the last line: a ledger line like it, or the trail's next record, which begins with the
   * next seq).
   *
   * @return whether the kill itself tore the file
   */
  private static boolean tearIfWhole(Path file, java.util.function.UnaryOperator<String> next)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertTrue(bytes.length > 0, file + " was written before the kill");
    if (bytes[bytes.length - 1] != '\n') {
      return true;
    }
    int start = lastNewline(Arrays.copyOf(bytes, bytes.length - 1)) + 1;
    byte[] line = next.apply(new String(bytes, start, bytes.length - 1 - start, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    Files.write(file, Arrays.copyOf(line, line.length / 2), StandardOpenOption.APPEND);
    return false;
  }

  /** The trail's last record as the start of the next one: the same line with the next seq. */
  private static String nextRecordsStart(String lastRecord) {
    java.util.regex.Matcher seq = java.util.regex.Pattern.compile("^\\{\"v\":1,\"seq\":(\\d+),")
        .matcher(lastRecord);
    assertTrue(seq.find(), lastRecord);
    return "{\"v\":1,\"seq\":" + (Long.parseLong(seq.group(1)) + 1) + "," + lastRecord.substring(seq.end());
  }

  private static void assertNoRecordContent(String message) {
    assertFalse(message.contains("u-"), "no subject id: " + message);
    assertFalse(message.contains("form-"), "no record content: " + message);
    assertFalse(message.contains("\n"), "one line: " + message);
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long countNewlines(byte[] bytes) {
    long count = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }
}

package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a JVM while it writes: the trail verifies up to the torn tail, if the kill cut a
 * record, and a restarted writer continues the chain.
 */
class CrashRecoveryTest {
  @TempDir Path folder;

  @Test
  void killedWhileWritingOnlyTheTornTailIsReportedAndARestartContinues() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    Path keyFile = folder.resolve("piiwarden-audit.key");
    AuditKey key = AuditKey.loadOrCreate(keyFile);
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        TrailWriterProcess.class.getName(), active.toString(), keyFile.toString())
        .redirectError(folder.resolve("child-stderr.txt").toFile()) // problem lines, such as a full queue
        .start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", out.readLine(),
          () -> "child stderr: " + readQuietly(folder.resolve("child-stderr.txt")));
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (TrailFiles.inOrder(active).size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20); // until the writer has rotated twice: it is in full flow
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }

    List<Path> files = TrailFiles.inOrder(active);
    VerificationReport killed = new AuditVerifier(key).verify(files);
    killed.finding().ifPresent(finding ->
        assertEquals(Finding.Kind.TRUNCATED, finding.kind(), finding.describe()));
    assertTrue(killed.records() > 1000, "records before the kill: " + killed.records());

    List<String> problems = new ArrayList<>();
    try (AuditTrail restarted = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + active)
        .keyFile(keyFile).problems(problems::add))) {
      restarted.record(AuditFixtures.access(0));
    }
    VerificationReport after = new AuditVerifier(key).verify(TrailFiles.inOrder(active));
    assertTrue(after.ok(), () -> after.finding().orElseThrow().describe());
    long expectedRecords = killed.records() + 1 + (killed.ok() ? 0 : 1); // + audit.recovered
    assertEquals(expectedRecords, after.records());
    assertEquals(killed.ok() ? 0 : 1, after.notes().size());
    assertEquals(killed.ok() ? 0 : 1, problems.size(), problems.toString());
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}

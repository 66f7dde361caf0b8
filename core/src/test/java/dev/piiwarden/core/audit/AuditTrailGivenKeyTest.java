package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trail opened with a key already loaded chains with that key and reads no key file. */
class AuditTrailGivenKeyTest {
  @TempDir Path folder;

  @Test
  void aGivenKeyIsUsedAndNoKeyFileIsReadOrMade() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults()
        .sink("jsonl:" + active)
        .keyFile(folder.resolve("absent.key"))
        .key(AuditFixtures.KEY)
        .fsync(FsyncPolicy.everyRecord()))) {
      trail.record(AuditFixtures.access(1));
      trail.record(AuditFixtures.access(2));
    }
    assertFalse(Files.exists(folder.resolve("absent.key")));
    assertFalse(Files.exists(folder.resolve(AuditKey.DEFAULT_FILE_NAME)));
    VerificationReport report = new AuditVerifier(AuditFixtures.KEY).verify(List.of(active));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(2, report.last().seq());
  }
}

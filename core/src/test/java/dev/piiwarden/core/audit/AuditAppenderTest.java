package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synchronous appender continues a writer's chain, acknowledges a torn tail, shares the file. */
class AuditAppenderTest {
  @TempDir Path folder;

  private AuditTrailOptions options(Path active, List<String> problems) throws Exception {
    Path keyFile = folder.resolve(AuditKey.DEFAULT_FILE_NAME);
    if (!Files.exists(keyFile)) {
      Files.write(keyFile, AuditFixtures.KEY_BYTES);
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }
    return AuditTrailOptions.defaults().sink("jsonl:" + active).fsync(FsyncPolicy.never())
        .problems(problems::add);
  }

  @Test
  void continuesTheWritersChainAndAcknowledgesATornTail() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    List<String> problems = new ArrayList<>();
    try (AuditTrail trail = AuditTrail.open(options(active, problems))) {
      trail.record(AuditFixtures.access(1));
    }
    Files.write(active, "{\"v\":1,\"seq\":2,\"ts\"".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND); // a crash while writing

    try (AuditAppender appender = AuditAppender.open(options(active, problems))) {
      appender.append(ConsentChangeEvents.changed(appender.pseudonymizer(), "u-1", "cli",
          "marketing", ConsentChangeEvents.GRANTED, "paper-form"));
    }

    List<String> lines = Files.readAllLines(active);
    assertEquals(4, lines.size(), lines::toString);
    assertTrue(lines.get(2).contains("\"type\":\"audit.recovered\""), lines.get(2));
    assertTrue(lines.get(3).contains("\"seq\":3,"), lines.get(3));
    assertTrue(lines.get(3).contains("\"subject\":\"" + new Pseudonymizer(AuditFixtures.KEY)
        .pseudonym("u-1") + "\""), lines.get(3));
    assertEquals(1, problems.size(), problems::toString);
    VerificationReport report = new AuditVerifier(AuditFixtures.KEY).verify(List.of(active));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(1, report.notes().size());
  }

  @Test
  void appendsBesideATrailThatWritesTheSameFile() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    List<String> problems = new ArrayList<>();
    try (AuditTrail trail = AuditTrail.open(options(active, problems).fsync(FsyncPolicy.everyRecord()));
        AuditAppender appender = AuditAppender.open(options(active, problems))) {
      trail.record(AuditFixtures.access(1));
      AuditTrailTest.awaitLines(active, 1);
      appender.append(ConsentChangeEvents.changed(appender.pseudonymizer(), "u-1", "cli",
          "marketing", ConsentChangeEvents.GRANTED, "paper-form"));
      trail.record(AuditFixtures.access(2));
    }
    List<String> lines = Files.readAllLines(active);
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(lines.get(1).contains("\"seq\":2,") && lines.get(1).contains("consent.changed"),
        lines.get(1));
    VerificationReport report = new AuditVerifier(AuditFixtures.KEY).verify(List.of(active));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertTrue(problems.isEmpty(), problems::toString);
  }

}

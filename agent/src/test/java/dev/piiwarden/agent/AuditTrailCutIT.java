package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Finding;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live trail of a running agent cut or renamed by something else: logrotate's {@code
 * copytruncate}, a cut back to its first records, a rename rotation. The writer notices, says so
 * once, and goes on with its own chain, so that {@code verify} shows what was removed.
 */
class AuditTrailCutIT {
    @TempDir Path folder;

  @Test
  void copytruncateIsReportedAndTheCopyAndTheCutFileVerifyAsOneTrail() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Process jvm = StdinAuditApp.start(folder, trail);
    try (OutputStream stdin = jvm.getOutputStream()) {
      StdinAuditApp.grant(stdin, 20);
      StdinAuditApp.awaitLines(trail, 21); // agent.started and 20 consent.changed
      // what logrotate's copytruncate does: copy, then cut the live file to nothing
      Path copy = folder.resolve("piiwarden-audit.jsonl.1");
      Files.copy(trail, copy, StandardCopyOption.COPY_ATTRIBUTES);
      cutTo(trail, 0);
      StdinAuditApp.grant(stdin, 5);
      StdinAuditApp.awaitLines(trail, 5);
    }
    FixtureJvm.Result run = FixtureJvm.finish(jvm, null);
    assertEquals(0, run.exitCode(), run::toString);

    List<String> said = shrankLines(run);
    assertEquals(1, said.size(), run::toString);
    assertTrue(said.get(0).contains("shrank from " + Files.size(folder.resolve("piiwarden-audit.jsonl.1"))
        + " to 0 bytes"), said.get(0));
    assertTrue(said.get(0).contains("copytruncate"), said.get(0));

    List<JsonNode> records = StdinAuditApp.records(trail);
    JsonNode first = records.get(0);
    assertEquals(22, first.get("seq").asLong(), "the chain goes on from the writer's own last record");
    assertEquals("agent.problem", first.get("type").asText());
    assertTrue(first.get("message").asText().contains("shrank from"), first::toString);
    assertEquals("agent.stopped", records.get(records.size() - 1).get("type").asText());

    AuditVerifier verifier = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")));
    VerificationReport alone = verifier.verify(List.of(trail));
    assertFalse(alone.ok(), "the cut file alone is no complete trail");
    Finding finding = alone.finding().orElseThrow();
    assertEquals(Finding.Kind.MISSING, finding.kind(), finding::describe);
    assertEquals(1, finding.line());
    VerificationReport both = verifier.verify(List.of(folder.resolve("piiwarden-audit.jsonl.1"), trail));
    assertTrue(both.ok(), () -> both.finding().orElseThrow().describe());
  }

  @Test
  void aTrailCutBackWhileWrittenShowsTheRemovedRecordsAsAGap() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Process jvm = StdinAuditApp.start(folder, trail);
    try (OutputStream stdin = jvm.getOutputStream()) {
      StdinAuditApp.grant(stdin, 22);
      StdinAuditApp.awaitLines(trail, 23);
      List<String> lines = Files.readAllLines(trail);
      long firstTen = 0;
      for (String line : lines.subList(0, 10)) {
        firstTen += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      cutTo(trail, firstTen);
      StdinAuditApp.grant(stdin, 3);
      StdinAuditApp.awaitLines(trail, 14);
    }
    FixtureJvm.Result run = FixtureJvm.finish(jvm, null);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, shrankLines(run).size(), run::toString);

    List<JsonNode> records = StdinAuditApp.records(trail);
    assertEquals(10, records.get(9).get("seq").asLong());
    assertEquals(24, records.get(10).get("seq").asLong(), "seq 11 to 23 are not used again");
    assertEquals("agent.problem", records.get(10).get("type").asText());
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertFalse(report.ok());
    Finding finding = report.finding().orElseThrow();
    assertEquals(Finding.Kind.MISSING, finding.kind(), finding::describe);
    assertEquals(11, finding.line());
    assertTrue(finding.detail().contains("records seq 11 to 23 are missing"), finding::describe);
  }

  @Test
  void aRenameRotationIsSaidAsARenameThatKeepsTheRecords() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Path renamed = folder.resolve("piiwarden-audit.jsonl.1");
    Process jvm = StdinAuditApp.start(folder, trail);
    try (OutputStream stdin = jvm.getOutputStream()) {
      StdinAuditApp.grant(stdin, 5);
      StdinAuditApp.awaitLines(trail, 6);
      Files.move(trail, renamed); // what logrotate does without copytruncate
      StdinAuditApp.grant(stdin, 3);
      StdinAuditApp.awaitLines(trail, 3);
    }
    FixtureJvm.Result run = FixtureJvm.finish(jvm, null);
    assertEquals(0, run.exitCode(), run::toString);

    List<String> said = run.stderr().lines().filter(line -> line.contains("was renamed to")).toList();
    assertEquals(1, said.size(), run::toString);
    assertTrue(said.get(0).contains("was renamed to " + renamed + " while it was being written"),
        said.get(0));
    assertTrue(said.get(0).contains("the records in it are kept there"), said.get(0));
    assertFalse(run.stderr().contains("and the records in it with it"), run::toString);
    assertFalse(run.stderr().contains("deleted"), run::toString);
    VerificationReport both = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(renamed, trail));
    assertTrue(both.ok(), () -> both.finding().orElseThrow().describe());
  }

  /** Cuts the file in place, as {@code truncate -s} does: same file, fewer bytes. */
  private static void cutTo(Path file, long size) throws Exception {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static List<String> shrankLines(FixtureJvm.Result run) {
    return run.stderr().lines().filter(line -> line.startsWith("piiwarden: ")
        && line.contains("shrank from")).toList();
  }

}

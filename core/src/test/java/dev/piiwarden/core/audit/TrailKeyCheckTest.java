package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways of writing a jsonl trail ({@link AuditTrail#open}, {@link AuditAppender#open}) continue
 * a trail with records only with the key file it was written with, and create no key over it.
 */
class TrailKeyCheckTest {
  @TempDir Path folder;

  private Path trail() {
    return folder.resolve("piiwarden-audit.jsonl");
  }

  private AuditTrailOptions options(Path keyFile) {
    return AuditTrailOptions.defaults().sink("jsonl:" + trail()).keyFile(keyFile)
        .fsync(FsyncPolicy.never()).problems(problem -> { throw new AssertionError(problem); });
  }

  private Path writtenTrailKey() {
    Path key = folder.resolve(AuditKey.DEFAULT_FILE_NAME);
    try (AuditTrail trail = AuditTrail.open(options(key))) {
      trail.record(AuditFixtures.access(1));
    }
    return key;
  }

  private void refused(Consumer<AuditTrailOptions> opener, Path keyFile, String expected)
      throws Exception {
    byte[] before = Files.readAllBytes(trail());
    AuditException refused = assertThrows(AuditException.class, () -> opener.accept(options(keyFile)));
    assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    assertTrue(refused.getMessage().contains("move the trail's files aside"), refused.getMessage());
    assertArrayEquals(before, Files.readAllBytes(trail()));
  }

  private static final List<Consumer<AuditTrailOptions>> OPENERS = List.of(
      options -> AuditTrail.open(options).close(),
      options -> AuditAppender.open(options).close());

  @Test
  void aTrailPathThatIsAFolderIsNamedAsTheTrailNotTheKey() throws Exception {
    Path trailFolder = Files.createDirectory(folder.resolve("trailfolder"));
    AuditException refused = assertThrows(AuditException.class,
        () -> TrailKeyCheck.check(trailFolder, folder.resolve("k.key")));
    org.junit.jupiter.api.Assertions.assertEquals("audit trail " + trailFolder + " is a folder;"
        + " give the path of the trail file itself, e.g. " + trailFolder.resolve("piiwarden-audit.jsonl"),
        refused.getMessage());
  }

  @Test
  void anotherKeyFileIsRefused() throws Exception {
    writtenTrailKey();
    Path other = folder.resolve("other.key");
    AuditKey.loadOrCreate(other);
    for (Consumer<AuditTrailOptions> opener : OPENERS) {
      refused(opener, other, "does not verify with audit key file " + other);
    }
  }

  @Test
  void aMissingKeyFileIsRefusedAndNotCreated() throws Exception {
    Files.delete(writtenTrailKey());
    for (Consumer<AuditTrailOptions> opener : OPENERS) {
      refused(opener, folder.resolve(AuditKey.DEFAULT_FILE_NAME), "does not exist");
      assertFalse(Files.exists(folder.resolve(AuditKey.DEFAULT_FILE_NAME)));
    }
  }

  @Test
  void theTrailsOwnKeyContinuesIt() throws Exception {
    Path key = writtenTrailKey();
    try (AuditAppender appender = AuditAppender.open(options(key))) {
      appender.append(AuditFixtures.access(2));
    }
    AuditTrail.open(options(key)).close();
    VerificationReport report = new AuditVerifier(AuditKey.load(key)).verify(List.of(trail()));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
  }
}

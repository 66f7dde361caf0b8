package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders made for the key, the trail and the spool are their owner's alone. */
class AuditFoldersTest {
  @TempDir Path folder;

  @Test
  void theKeyFilesFoldersAreMadeOwnerOnly() throws IOException {
    AuditKey.loadOrCreate(folder.resolve("keys/k/piiwarden-audit.key"));

    assertEquals("rwx------", mode(folder.resolve("keys")));
    assertEquals("rwx------", mode(folder.resolve("keys/k")));
  }

  @Test
  void theTrailsFoldersAreMadeOwnerOnly() throws Exception {
    Path trail = folder.resolve("aud/x/piiwarden-audit.jsonl");
    try (AuditTrail opened = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + trail)
        .key(AuditFixtures.KEY).fsync(FsyncPolicy.everyRecord()))) {
      opened.record(AuditFixtures.access(1));
    }

    assertEquals("rwx------", mode(folder.resolve("aud")));
    assertEquals("rwx------", mode(folder.resolve("aud/x")));
    assertEquals("rw-------", mode(trail));
  }

  @Test
  void theSpoolsFoldersAreMadeOwnerOnly() throws IOException {
    Path spool = folder.resolve("spool/s/piiwarden-audit-spool.jsonl");
    new SpoolFile(spool).append(List.of("{}"));

    assertEquals("rwx------", mode(folder.resolve("spool")));
    assertEquals("rwx------", mode(folder.resolve("spool/s")));
    assertEquals("rw-------", mode(spool));
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

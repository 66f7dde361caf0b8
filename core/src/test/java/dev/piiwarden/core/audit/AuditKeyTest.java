package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {
  @TempDir Path folder;

  @Test
  void aMissingKeyIsCreatedWithMode0600AndTheSameKeyIsReadBack() throws Exception {
    Path file = folder.resolve("keys/piiwarden-audit.key");

    AuditKey created = AuditKey.loadOrCreate(file);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(32, Files.size(file));
    assertEquals(new Pseudonymizer(created).pseudonym("u-1"),
        new Pseudonymizer(AuditKey.loadOrCreate(file)).pseudonym("u-1"));
    try (var leftovers = Files.list(file.getParent())) {
      assertEquals(1, leftovers.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aKeyReadableByOthersIsRefusedWithTheChmodFix() throws Exception {
    Path file = folder.resolve("piiwarden-audit.key");
    AuditKey.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AuditException refused = assertThrows(AuditException.class, () -> AuditKey.loadOrCreate(file));

    assertEquals("audit key file " + file + " is open to group or others (mode rw-r--r--); run"
        + " 'chmod 600 " + file + "' and check that nobody else copied the key",
        refused.getMessage());
  }

  /** Open to others (0755) or not (0700), a folder is named as one, not given the chmod fix. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"rwxr-xr-x", "rwx------"})
  void aKeyFileThatIsAFolderIsNamedAsOne(String mode) throws Exception {
    Path keys = Files.createDirectories(folder.resolve("keys"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString(mode));

    AuditException refused = assertThrows(AuditException.class, () -> AuditKey.load(keys));
    assertEquals("audit key file " + keys + " is a folder; pass the path of the key file itself,"
        + " e.g. " + keys.resolve("piiwarden-audit.key") + " (--key-file or piiwarden.audit.key-file)",
        refused.getMessage());
    assertThrows(AuditException.class, () -> AuditKey.loadOrCreate(keys));
  }

  @Test
  void aMissingKeyFileIsAClearErrorWhenOnlyReading() {
    Path file = folder.resolve("nope.key");
    AuditException missing = assertThrows(AuditException.class, () -> AuditKey.load(file));
    assertTrue(missing.getMessage().startsWith("audit key file " + file + " does not exist;"),
        missing.getMessage());
  }

  @Test
  void aKeyFileShorterThan32BytesIsRefused() throws Exception {
    Path file = folder.resolve("short.key");
    Files.writeString(file, "too short\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    AuditException bad = assertThrows(AuditException.class, () -> AuditKey.load(file));
    assertEquals("audit key file " + file + " holds 10 bytes, fewer than 32; restore the key file"
        + " the trail was written with", bad.getMessage());
  }

  @Test
  void theDefaultKeyFileIsBesideTheAuditFile() {
    assertEquals(folder.resolve("piiwarden-audit.key"),
        AuditKey.defaultFileBeside(folder.resolve("trail.jsonl")));
  }
}

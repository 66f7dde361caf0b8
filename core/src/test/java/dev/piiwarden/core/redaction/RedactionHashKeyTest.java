package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.piiwarden.core.audit.AuditException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionHashKeyTest {
  private static final byte[] AUDIT_KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  @Test
  void theKeyIsTheHmacOfAFixedLabelUnderTheAuditKey() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AUDIT_KEY, "HmacSHA256"));
    byte[] expected = mac.doFinal("piiwarden redaction hash key".getBytes(StandardCharsets.UTF_8));

    byte[] derived = RedactionHashKey.derivedFrom(AUDIT_KEY);

    assertArrayEquals(expected, derived);
    assertFalse(Arrays.equals(AUDIT_KEY, derived), "tokens must differ from subject pseudonyms");
  }

  @Test
  void aKeyFileGivesTheSameKeyAsItsBytes() throws IOException {
    Path file = keyFile("rw-------");

    assertArrayEquals(RedactionHashKey.derivedFrom(AUDIT_KEY), RedactionHashKey.fromAuditKeyFile(file));
  }

  @Test
  void aKeyGivenAsAPipeIsReadOnce() throws Exception {
    Path fifo = dir.resolve("key-pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, AUDIT_KEY); // blocks until the key is read; written once, as <(cat key)
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.setDaemon(true);
    writer.start();

    // a second read of the pipe would wait for a writer that never comes, or read nothing
    byte[] key = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> RedactionHashKey.fromAuditKeyFile(fifo));

    assertArrayEquals(RedactionHashKey.derivedFrom(AUDIT_KEY), key);
  }

  @Test
  void aKeyFileOpenToOthersIsRefusedAsTheAuditTrailRefusesIt() throws IOException {
    Path file = keyFile("rw-r--r--");

    AuditException refused =
        assertThrows(AuditException.class, () -> RedactionHashKey.fromAuditKeyFile(file));

    assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
  }

  @Test
  void aMissingKeyFileIsNamed() {
    Path missing = dir.resolve("missing.key");

    AuditException refused =
        assertThrows(AuditException.class, () -> RedactionHashKey.fromAuditKeyFile(missing));

    assertTrue(refused.getMessage().contains(missing.toString()), refused.getMessage());
  }

  private Path keyFile(String mode) throws IOException {
    Path file = Files.write(dir.resolve("piiwarden-audit.key"), AUDIT_KEY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}

package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.files.OwnerOnlyFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Turns a subject id into {@code hmac:<hex of HMAC-SHA256>}, the only form in which subjects leave
 * the agent. The key is read from {@code piiwarden.audit.key-file} when that option is set (a new
 * random key is written there, mode 0600, if the file is absent); otherwise it is random per
 * process, so pseudonyms are stable within one run only. The audit trail will own the key.
 */
public final class SubjectPseudonym {
  private final Pseudonymizer pseudonymizer;

  private SubjectPseudonym(byte[] keyBytes) {
    // Core's HMAC-SHA256, the trail's: the same pseudonym as the trail's events, and no JCE set-up.
    this.pseudonymizer = new Pseudonymizer(AuditKey.of(keyBytes));
  }

  /** A pseudonymiser with the key in {@code keyFile}, or a per-process key when it is empty. */
  public static SubjectPseudonym withKeyFrom(String keyFile) {
    if (keyFile == null || keyFile.isEmpty()) {
      return new SubjectPseudonym(randomKey());
    }
    Path file = Path.of(keyFile);
    try {
      if (!Files.exists(file)) {
        byte[] fresh = randomKey();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          OwnerOnlyFolders.createMissing(parent);
        }
        Files.write(file, fresh);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          AgentReport.once("key-file-mode", "cannot set mode 0600 on the audit key file here");
        }
        return new SubjectPseudonym(fresh);
      }
      return new SubjectPseudonym(Files.readAllBytes(file));
    } catch (IOException | IllegalArgumentException e) {
      AgentReport.once(
          "key-file",
          "cannot use the audit key file ("
              + e.getClass().getSimpleName()
              + "); pseudonyms use a per-process key");
      return new SubjectPseudonym(randomKey());
    }
  }

  private static byte[] randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** {@code hmac:} and 64 hex digits. */
  public String of(String subject) {
    return pseudonymizer.pseudonym(subject);
  }
}

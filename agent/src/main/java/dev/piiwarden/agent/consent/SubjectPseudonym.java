package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.report.AgentReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a subject id into {@code hmac:<hex of HMAC-SHA256>}, the only form in which subjects leave
 * the agent. The key is read from {@code piiwarden.audit.key-file} when that option is set (a new
 * random key is written there, mode 0600, if the file is absent); otherwise it is random per
 * process, so pseudonyms are stable within one run only. The audit trail will own the key.
 */
public final class SubjectPseudonym {
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private SubjectPseudonym(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
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
          Files.createDirectories(parent);
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
    } catch (IOException e) {
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

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** {@code hmac:} and 64 hex digits. */
  public String of(String subject) {
    byte[] digest = macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(5 + digest.length * 2).append("hmac:");
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }
}

package dev.piiwarden.core.redaction;

import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The hash style's key, derived from the audit key file: HMAC-SHA256 of a fixed label under the
 * audit key. Everything that redacts with one audit key file (the agent, {@code piiwarden redact})
 * gives the same token for the same value, and the tokens differ from the audit trail's subject
 * pseudonyms, which use the audit key itself.
 */
public final class RedactionHashKey {
  private static final byte[] LABEL =
      "piiwarden redaction hash key".getBytes(StandardCharsets.UTF_8);

  private RedactionHashKey() {}

  /** The redaction key for these audit key bytes. */
  public static byte[] derivedFrom(byte[] auditKey) {
    return HmacSha256.of(auditKey, LABEL);
  }

  /**
   * The redaction key for the audit key file, checked as the audit trail checks it (present, at
   * least 32 bytes, not open to group or others).
   *
   * @throws dev.piiwarden.core.audit.AuditException naming the file when it is missing, unreadable, short or too open
   */
  public static byte[] fromAuditKeyFile(Path file) {
    // read once: a key given as a pipe (--key-file <(vault read ...)) reads empty the second time
    return AuditKey.load(file).derive(LABEL);
  }
}

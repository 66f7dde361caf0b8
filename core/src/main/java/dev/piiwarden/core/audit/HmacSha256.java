package dev.piiwarden.core.audit;

/**
 * HMAC-SHA256 (RFC 2104) of one message, as the audit trail computes it: on the JDK's SHA-256
 * digest, without the JCE set-up that {@code javax.crypto.Mac} costs a cold JVM.
 */
public final class HmacSha256 {
  private HmacSha256() {}

  /** The 32-byte HMAC-SHA256 of {@code message} under {@code key} (a key of any length). */
  public static byte[] of(byte[] key, byte[] message) {
    return new KeyedHash(key).digest(message);
  }
}

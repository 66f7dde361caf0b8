package dev.piiwarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the audit key, as lowercase hex. A {@link Mac} is not thread-safe, so each
 * thread gets its own.
 */
final class KeyedHash {
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  KeyedHash(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, ALGORITHM);
    // Lazily, per thread: the first Mac initialises the JDK's security providers (about 100 ms in
    // a cold JVM), which an agent's premain should not wait for. Every JDK has HmacSHA256.
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** HMAC of the UTF-8 bytes of {@code first} then {@code second}, as 64 hex digits. */
  String hex(String first, String second) {
    Mac mac = macs.get();
    mac.update(first.getBytes(StandardCharsets.UTF_8));
    return toHex(mac.doFinal(second.getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC of the bytes, as 64 hex digits. */
  String hex(byte[] bytes) {
    return toHex(macs.get().doFinal(bytes));
  }

  static String toHex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}

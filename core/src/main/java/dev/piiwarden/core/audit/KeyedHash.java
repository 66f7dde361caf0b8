package dev.piiwarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) with the audit key, as lowercase hex. Built on the JDK's SHA-256 {@link
 * MessageDigest} rather than {@code javax.crypto.Mac}: the same digest and the same result, without
 * the JCE's provider and policy set-up (about 70 ms of CPU in a cold JVM, paid by every agent start
 * that writes {@code agent.started}). A digest is not thread-safe, so each thread gets its own.
 */
final class KeyedHash {
  private static final int BLOCK_BYTES = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] innerPad;
  private final byte[] outerPad;
  private final ThreadLocal<MessageDigest> digests = new ThreadLocal<>();

  KeyedHash(byte[] keyBytes) {
    byte[] key = keyBytes.length > BLOCK_BYTES ? newDigest().digest(keyBytes) : keyBytes;
    innerPad = new byte[BLOCK_BYTES];
    outerPad = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      byte k = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
  }

  /** HMAC of the UTF-8 bytes of {@code first} then {@code second}, as 64 hex digits. */
  String hex(String first, String second) {
    MessageDigest digest = inner();
    digest.update(first.getBytes(StandardCharsets.UTF_8));
    digest.update(second.getBytes(StandardCharsets.UTF_8));
    return toHex(outer(digest));
  }

  /** HMAC of the bytes, as 64 hex digits. */
  String hex(byte[] bytes) {
    return toHex(digest(bytes));
  }

  /** HMAC of the bytes, 32 bytes. */
  byte[] digest(byte[] bytes) {
    MessageDigest digest = inner();
    digest.update(bytes);
    return outer(digest);
  }

  static String toHex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  /** This thread's digest, reset and fed the inner pad. */
  private MessageDigest inner() {
    MessageDigest digest = digests.get();
    if (digest == null) {
      digest = newDigest();
      digests.set(digest);
    }
    digest.update(innerPad);
    return digest;
  }

  /** Finishes the inner hash and returns the outer one; leaves the digest reset. */
  private byte[] outer(MessageDigest digest) {
    byte[] innerHash = digest.digest();
    digest.update(outerPad);
    return digest.digest(innerHash);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}

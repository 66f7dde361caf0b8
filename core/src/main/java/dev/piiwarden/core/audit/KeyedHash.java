package dev.piiwarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HMAC-SHA256 (RFC 2104) with the audit key, as lowercase hex. Built on SHA-256 directly rather
 * than {@code javax.crypto.Mac}: the same result without the JCE's provider and policy set-up
 * (about 70 ms of CPU in a cold JVM).
 *
 * <p>The first {@value #OWN_DIGESTS} HMACs of a JVM run on core's own {@link Sha256}, which needs
 * no security provider: asking for the JDK's SHA-256 {@link MessageDigest} sets up the provider
 * framework, about 40 ms of CPU that every agent start paid for its {@code agent.started} record.
 * The JDK's digest, compiled to the processor's SHA instructions where it has them, is several
 * times faster once warm, so the HMAC that reaches that count starts its set-up on a daemon thread
 * ({@code piiwarden-sha256}); every thread moves to the JDK's digest, between two HMACs, once it
 * is ready. Both give the same bytes ({@code Sha256Test}), so a trail does not show the switch. A
 * digest is not thread-safe, so each thread has its own.
 */
final class KeyedHash {
  /** HMACs computed on {@link Sha256} before the JDK's digest is set up. */
  static final int OWN_DIGESTS = 64;

  private static final int BLOCK_BYTES = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] innerPad;
  private final byte[] outerPad;
  private final ThreadLocal<ThreadDigest> digests = new ThreadLocal<>();

  KeyedHash(byte[] keyBytes) {
    byte[] key = keyBytes.length > BLOCK_BYTES ? new Sha256().digest(keyBytes) : keyBytes;
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
    ThreadDigest digest = inner();
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
    ThreadDigest digest = inner();
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
  private ThreadDigest inner() {
    ThreadDigest digest = digests.get();
    if (digest == null) {
      digest = new ThreadDigest();
      digests.set(digest);
    }
    digest.begin();
    digest.update(innerPad);
    return digest;
  }

  /** Finishes the inner hash and returns the outer one; leaves the digest reset. */
  private byte[] outer(ThreadDigest digest) {
    byte[] innerHash = digest.digest();
    digest.update(outerPad);
    digest.update(innerHash);
    return digest.digest();
  }

  /** Whether this thread's next HMAC runs on the JDK's digest (for tests). */
  boolean onJdkDigest() {
    ThreadDigest digest = digests.get();
    return digest != null && digest.own == null;
  }

  /**
   * One thread's SHA-256: {@link Sha256} until the JDK's digest is ready, then the JDK's. Switches
   * only in {@link #begin}, when no input is pending.
   */
  private static final class ThreadDigest {
    private Sha256 own = new Sha256();
    private MessageDigest jdk;

    /** Starts a new HMAC: input left by one that failed half-way is dropped. */
    void begin() {
      if (own != null && JdkDigest.available()) {
        jdk = JdkDigest.create();
        if (jdk != null) {
          own = null;
        }
      }
      if (own != null) {
        own.reset();
      } else {
        jdk.reset();
      }
    }

    void update(byte[] bytes) {
      if (own != null) {
        own.update(bytes);
      } else {
        jdk.update(bytes);
      }
    }

    byte[] digest() {
      return own != null ? own.digest() : jdk.digest();
    }
  }

  /**
   * The JDK's SHA-256, set up once on a daemon thread when the JVM has computed {@value
   * #OWN_DIGESTS} HMACs.
   */
  static final class JdkDigest implements Runnable {
    private static final AtomicInteger COUNTED = new AtomicInteger();
    private static volatile boolean ready;

    private JdkDigest() {}

    /** Counts one HMAC; true once the JDK's digest is set up. */
    static boolean available() {
      if (ready) {
        return true;
      }
      if (COUNTED.get() < OWN_DIGESTS && COUNTED.incrementAndGet() == OWN_DIGESTS) {
        Thread setUp = new Thread(new JdkDigest(), "piiwarden-sha256");
        setUp.setDaemon(true);
        setUp.start();
      }
      return false;
    }

    /** A new JDK SHA-256 digest; null if this JDK has none (Sha256 then stays in use). */
    static MessageDigest create() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        // Every Java SE platform must offer SHA-256; if one does not, our own digest gives the
        // same bytes and simply stays in use.
        return null;
      }
    }

    @Override
    public void run() {
      ready = create() != null;
    }
  }
}

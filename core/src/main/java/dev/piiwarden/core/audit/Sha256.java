package dev.piiwarden.core.audit;

/**
 * SHA-256 (FIPS 180-4, section 6.2) in plain Java. The audit trail's HMAC runs on it while a JVM
 * starts: asking the JDK for a SHA-256 {@code MessageDigest} first sets up the security provider
 * framework, about 40 ms of CPU in a cold JVM, which every agent start paid for its first record.
 * Proven equal to the JDK's digest on the FIPS 180-4 examples and on random inputs of every length
 * around the block boundaries ({@code Sha256Test}). Not thread-safe: one per thread.
 */
final class Sha256 {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  /** Digest length in bytes. */
  static final int LENGTH = 32;

  private final int[] state = new int[8];
  private final int[] words = new int[64];
  private final byte[] block = new byte[64];
  private int buffered;
  private long total;

  Sha256() {
    reset();
  }

  /** Forgets all input: the next digest is of what is fed after this. */
  void reset() {
    state[0] = 0x6a09e667;
    state[1] = 0xbb67ae85;
    state[2] = 0x3c6ef372;
    state[3] = 0xa54ff53a;
    state[4] = 0x510e527f;
    state[5] = 0x9b05688c;
    state[6] = 0x1f83d9ab;
    state[7] = 0x5be0cd19;
    buffered = 0;
    total = 0;
  }

  void update(byte[] input) {
    update(input, 0, input.length);
  }

  void update(byte[] input, int offset, int length) {
    if (offset < 0 || length < 0 || offset > input.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + input.length);
    }
    total += length;
    int end = offset + length;
    if (buffered > 0) {
      int take = Math.min(64 - buffered, length);
      System.arraycopy(input, offset, block, buffered, take);
      buffered += take;
      offset += take;
      if (buffered < 64) {
        return;
      }
      compress(block, 0);
      buffered = 0;
    }
    while (end - offset >= 64) {
      compress(input, offset);
      offset += 64;
    }
    if (offset < end) {
      System.arraycopy(input, offset, block, 0, end - offset);
      buffered = end - offset;
    }
  }

  /** The digest of everything fed since the last reset; resets. */
  byte[] digest() {
    long bits = total << 3;
    block[buffered++] = (byte) 0x80;
    if (buffered > 56) {
      while (buffered < 64) {
        block[buffered++] = 0;
      }
      compress(block, 0);
      buffered = 0;
    }
    while (buffered < 56) {
      block[buffered++] = 0;
    }
    for (int i = 0; i < 8; i++) {
      block[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    compress(block, 0);
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < 8; i++) {
      int word = state[i];
      out[4 * i] = (byte) (word >>> 24);
      out[4 * i + 1] = (byte) (word >>> 16);
      out[4 * i + 2] = (byte) (word >>> 8);
      out[4 * i + 3] = (byte) word;
    }
    reset();
    return out;
  }

  /** The digest of what was fed, then of {@code last} too; resets. */
  byte[] digest(byte[] last) {
    update(last);
    return digest();
  }

  private void compress(byte[] in, int offset) {
    int[] w = words;
    for (int t = 0; t < 16; t++) {
      int i = offset + 4 * t;
      w[t] = (in[i] << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8) | (in[i + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int w15 = w[t - 15];
      int w2 = w[t - 2];
      int s0 = Integer.rotateRight(w15, 7) ^ Integer.rotateRight(w15, 18) ^ (w15 >>> 3);
      int s1 = Integer.rotateRight(w2, 17) ^ Integer.rotateRight(w2, 19) ^ (w2 >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int ch = (e & f) ^ (~e & g);
      int t1 = h + s1 + ch + K[t] + w[t];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int maj = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

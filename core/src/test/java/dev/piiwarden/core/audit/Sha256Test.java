package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Core's own SHA-256 gives the bytes FIPS 180-4 and the JDK's SHA-256 give. */
class Sha256Test {
  /** The examples of FIPS 180-4 (NIST's "Cryptographic Standards and Guidelines" examples). */
  @Test
  void fips180Examples() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    assertEquals(
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
        hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"));
  }

  @Test
  void oneMillionTimesA() {
    Sha256 sha = new Sha256();
    byte[] thousand = "a".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 1000; i++) {
      sha.update(thousand);
    }
    assertEquals(
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        KeyedHash.toHex(sha.digest()));
  }

  /** Every length from 0 to 300 bytes: all paddings, one to five blocks. */
  @Test
  void sameAsTheJdkAtEveryLengthAroundTheBlocks() throws Exception {
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    Sha256 own = new Sha256();
    Random random = new Random(180_4);
    for (int length = 0; length <= 300; length++) {
      for (int sample = 0; sample < 4; sample++) {
        byte[] input = new byte[length];
        random.nextBytes(input);
        assertArrayEquals(jdk.digest(input), own.digest(input), length + " bytes");
      }
    }
  }

  /** Long inputs fed in pieces of random size, as a digest in use is fed. */
  @Test
  void sameAsTheJdkForRandomInputsFedInPieces() throws Exception {
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    Sha256 own = new Sha256();
    Random random = new Random(4231);
    for (int round = 0; round < 2_000; round++) {
      byte[] input = new byte[random.nextInt(5_000)];
      random.nextBytes(input);
      int at = 0;
      while (at < input.length) {
        int piece = Math.min(input.length - at, random.nextInt(200));
        own.update(input, at, piece);
        jdk.update(input, at, piece);
        at += piece;
      }
      assertArrayEquals(jdk.digest(), own.digest(), "round " + round + ", " + input.length + " bytes");
    }
  }

  @Test
  void digestResets() {
    Sha256 sha = new Sha256();
    sha.update("something before".getBytes(StandardCharsets.US_ASCII));
    sha.digest();
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        KeyedHash.toHex(sha.digest("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  private static String hex(String text) {
    return KeyedHash.toHex(new Sha256().digest(text.getBytes(StandardCharsets.US_ASCII)));
  }
}

package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedHashTest {
  @Test
  void rfc4231TestCase2() {
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        new KeyedHash(key).hex("what do ya want ", "for nothing?"));
  }

  @Test
  void sameAsTheJdksHmacForShortBlockAndLongKeys() throws Exception {
    for (int length : new int[] {32, 64, 65, 131}) {
      byte[] key = new byte[length];
      for (int i = 0; i < length; i++) {
        key[i] = (byte) (i * 7 + length);
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      KeyedHash hash = new KeyedHash(key);
      for (String text : new String[] {"", "u-42", "a record of some length ".repeat(20)}) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String expected = KeyedHash.toHex(mac.doFinal(bytes));
        assertEquals(expected, hash.hex(bytes), "key of " + length + " bytes");
        assertEquals(expected, hash.hex("", text), "key of " + length + " bytes, as strings");
      }
    }
  }

  /** An HMAC that fails half-way leaves nothing behind for the next one on the thread. */
  @Test
  void aFailedHmacDoesNotSpoilTheNext() throws Exception {
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    KeyedHash hash = new KeyedHash(key);
    assertThrows(NullPointerException.class, () -> hash.hex(null, "for nothing?"));
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        hash.hex("what do ya want ", "for nothing?"));
  }

  /**
   * Past the first HMACs the JDK's digest takes over; the results stay those of the JDK's HMAC
   * before, during and after the switch.
   */
  @Test
  void sameResultsAcrossTheSwitchToTheJdksDigest() throws Exception {
    byte[] key = new byte[32];
    Random random = new Random(2104);
    random.nextBytes(key);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    KeyedHash hash = new KeyedHash(key);
    long deadline = System.nanoTime() + 60_000_000_000L;
    int computed = 0;
    while (!hash.onJdkDigest() && System.nanoTime() < deadline) {
      byte[] message = new byte[random.nextInt(600)];
      random.nextBytes(message);
      assertEquals(KeyedHash.toHex(mac.doFinal(message)), hash.hex(message), "HMAC " + computed);
      computed++;
    }
    assertTrue(hash.onJdkDigest(), "still on core's own SHA-256 after " + computed + " HMACs");
    for (int i = 0; i < 200; i++) {
      byte[] message = new byte[random.nextInt(600)];
      random.nextBytes(message);
      assertEquals(KeyedHash.toHex(mac.doFinal(message)), hash.hex(message), "on the JDK's digest");
    }
  }
}

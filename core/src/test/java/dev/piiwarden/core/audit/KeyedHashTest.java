package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
}

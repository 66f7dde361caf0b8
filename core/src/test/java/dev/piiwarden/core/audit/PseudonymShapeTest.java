package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An audit subject is accepted exactly when it is {@code hmac:} and 64 lowercase hex digits. */
class PseudonymShapeTest {
  private static final Pattern RULE = Pattern.compile("hmac:[0-9a-f]{64}");

  @Test
  void aRealPseudonymPasses() {
    String pseudonym = new Pseudonymizer(AuditKey.of(new byte[32])).pseudonym("u-42");
    assertEquals(true, AuditEvent.isPseudonym(pseudonym));
  }

  @Test
  void sameAsTheRuleOnNearMisses() {
    String good = "hmac:" + "0123456789abcdef".repeat(4);
    Random random = new Random(64);
    String alphabet = "0123456789abcdefABCDEFgxz:-";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder(good);
      switch (random.nextInt(4)) {
        case 0 -> text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
        case 1 -> text.deleteCharAt(random.nextInt(text.length()));
        case 2 -> text.insert(random.nextInt(text.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
        default -> { }
      }
      String value = text.toString();
      assertEquals(RULE.matcher(value).matches(), AuditEvent.isPseudonym(value), value);
    }
  }
}

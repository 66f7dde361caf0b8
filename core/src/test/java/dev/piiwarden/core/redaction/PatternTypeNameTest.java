package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A user pattern's type name is accepted exactly when it matches the documented rule. */
class PatternTypeNameTest {
  private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final String ALPHABET = "az09AZ._-/ é\u0000";

  @Test
  void sameAsTheRuleOnNamedCases() {
    for (String name : new String[] {"", "a", "9", "employee-id", "a.b_c-d", ".a", "-a", "_a", "A",
        "a b", "é", "a".repeat(63), "a".repeat(64), "ticket"}) {
      assertEquals(RULE.matcher(name).matches(), RedactionSettings.typeName(name), "'" + name + "'");
    }
  }

  @Test
  void sameAsTheRuleOnRandomNames() {
    Random random = new Random(63);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(70);
      for (int i = 0; i < length; i++) {
        name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = name.toString();
      assertEquals(RULE.matcher(text).matches(), RedactionSettings.typeName(text), "'" + text + "'");
    }
  }

  @Test
  void aBadNameIsRefusedWithTheRule() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RedactionSettings.builder().pattern("Ticket", "T-[0-9]+"));
    assertEquals("Redaction pattern type 'Ticket' must be lower-case letters, digits, '.', '_' or '-',"
        + " starting with a letter or digit", refused.getMessage());
  }
}

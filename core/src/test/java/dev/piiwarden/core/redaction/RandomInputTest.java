package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random text over the characters and fragments the detectors react to: no input makes
 * the redactor fail (the failure path exists for bugs, and this looks for them). A second pass over
 * the output is not asserted to change nothing: a mask's closing bracket can start a shape that the
 * letters it replaced did not ({@code x@example.com::B}); the agent redacts each event once.
 */
class RandomInputTest {
  private static final String ALPHABET = "0123456789abcdefxyzABCDEFXYZ@.:-+ ()[]{}\"'=\\/_%#,;\t\né";
  private static final String[] FRAGMENTS = {
    "password", "Token", "api_key", "Authorization: ", "Bearer ", "tel ", "ssn ", "version ",
    "4111", "DE89", "::", "@example.com", "192.168.", "+44 ", "xn--", "\\\"", "=>", "[REDACTED:"
  };

  @Test
  void noInputMakesTheRedactorFail() {
    Random random = new Random(42);
    Redactor redactor = Redactor.create(RedactionSettings.builder()
        .extraKey("session-id").pattern("ticket", "T-[0-9]+").build());
    Redactor hashing = Redactor.create(
        RedactionSettings.builder().style(RedactionStyle.HASH).build());
    for (int i = 0; i < 30_000; i++) {
      String text = randomText(random);
      String once = redactor.redact(text);
      assertNotEquals(Redactor.FAILED, once, text);
      assertNotEquals(Redactor.FAILED, hashing.redact(text), text);
    }
    assertEquals(0, redactor.counts().failures());
    assertEquals(0, hashing.counts().failures());
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(80);
    while (text.length() < length) {
      if (random.nextInt(6) == 0) {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      } else {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return text.toString();
  }
}

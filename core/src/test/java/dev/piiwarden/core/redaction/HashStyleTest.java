package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashStyleTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  private static Redactor hashing(byte[] key) {
    return Redactor.create(
        RedactionSettings.builder().style(RedactionStyle.HASH).hashKey(key).build());
  }

  @Test
  void tokensHaveTheDocumentedShape() {
    String out = hashing(KEY).redact("mail bob@example.com");
    assertTrue(out.matches("mail \\[email:[0-9a-f]{16}]"), out);
    assertFalse(out.contains("bob"));
  }

  @Test
  void aJsonValueThatWasNoStringBecomesAQuotedToken() {
    String out = hashing(KEY).redact("{\"password\":12345678,\"ok\":true}");
    assertTrue(out.matches("\\{\"password\":\"\\[credential:[0-9a-f]{16}]\",\"ok\":true}"), out);
  }

  @Test
  void sameValueSameTokenAcrossLinesAndRedactors() {
    Redactor redactor = hashing(KEY);
    String first = redactor.redact("login bob@example.com");
    String second = hashing(KEY).redact("logout bob@example.com");
    assertEquals(first.substring("login ".length()), second.substring("logout ".length()));
  }

  @Test
  void differentKeyDifferentToken() {
    assertNotEquals(hashing(KEY).redact("bob@example.com"), hashing(OTHER_KEY).redact("bob@example.com"));
  }

  @Test
  void differentValueDifferentToken() {
    Redactor redactor = hashing(KEY);
    assertNotEquals(redactor.redact("bob@example.com"), redactor.redact("alice@example.com"));
  }

  @Test
  void normalisationMakesOneValueWrittenTwoWaysOneToken() {
    Redactor redactor = hashing(KEY);
    assertEquals(redactor.redact("Bob@Example.COM"), redactor.redact("bob@example.com"));
    assertEquals(redactor.redact("4111 1111 1111 1111"), redactor.redact("4111-1111-1111-1111"));
    assertEquals(redactor.redact("+44 20 7946 0958"), redactor.redact("+442079460958"));
    assertEquals(redactor.redact("DE89 3704 0044 0532 0130 00"), redactor.redact("DE89370400440532013000"));
    assertEquals(redactor.redact("2001:DB8::1"), redactor.redact("2001:db8::1"));
    assertEquals(redactor.redact("from 2001:0db8:0:0::1 at"), redactor.redact("from 2001:db8::1 at"));
    // the forms a URL's query string gives them, as access logs write it
    assertEquals(redactor.redact("bob@example.com"), redactor.redact("bob%40example.com"));
    assertEquals(redactor.redact("+442079460958"), redactor.redact("%2B44+20+7946+0958"));
    assertEquals(redactor.redact("4111 1111 1111 1111"), redactor.redact("4111+1111+1111+1111"));
    assertEquals(redactor.redact("DE89370400440532013000"), redactor.redact("DE89+3704+0044+0532+0130+00"));
  }

  @Test
  void credentialsKeepTheirKeyInHashStyle() {
    String out = hashing(KEY).redact("password=hunter2");
    assertTrue(out.matches("password=\\[credential:[0-9a-f]{16}]"), out);
  }

  @Test
  void shortKeysAreRejected() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RedactionSettings.builder().hashKey(new byte[8]));
  }
}

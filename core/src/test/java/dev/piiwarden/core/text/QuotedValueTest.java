package dev.piiwarden.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotedValueTest {
  @Test
  void aValueThatHoldsNoPersonalDataIsShownAsGiven() {
    QuotedValue plain = QuotedValue.of("marketting");
    assertEquals("marketting", plain.shown());
    assertFalse(plain.masked());
    assertNull(plain.looksLike());
    assertEquals("'monitr'", QuotedValue.quoted("monitr"));
  }

  @Test
  void personalDataIsShownMaskedWithWhatItLooksLike() {
    QuotedValue email = QuotedValue.of("jane.doe@example.com");
    assertEquals("[REDACTED:email]", email.shown());
    assertTrue(email.masked());
    assertEquals("an e-mail address", email.looksLike());

    QuotedValue both = QuotedValue.of("call +44 20 7946 0958, card 4111111111111111");
    assertEquals("call [REDACTED:phone], card [REDACTED:card]", both.shown());
    assertEquals("a payment card number and a phone number", both.looksLike());
    assertEquals("'[REDACTED:ip]'", QuotedValue.quoted("203.0.113.9"));
  }

  @Test
  void aPatternIsMaskedWhenTheTextItSpellsIsPersonalData() {
    assertEquals("[REDACTED:email](?=x)", QuotedValue.pattern("alice@example\\.com(?=x)"));
    assertEquals("[REDACTED:email]", QuotedValue.pattern("alice@example.com"));
    assertEquals("ACME-\\d{6}", QuotedValue.pattern("ACME-\\d{6}"));
    assertEquals("a\\.b\\.c", QuotedValue.pattern("a\\.b\\.c"));
  }

  @Test
  void nullStaysNull() {
    assertNull(QuotedValue.of(null).shown());
    assertFalse(QuotedValue.of(null).masked());
  }
}

package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.redaction.PlainTextCoverage.Extent;
import org.junit.jupiter.api.Test;

/**
 * What the coverage says of a category holds for the redactor: a value of an ALWAYS category is
 * found on its own, one of a SOME_FORMS category in the form named and not in another, one of a
 * NEVER category not at all.
 */
class PlainTextCoverageTest {
  private final Redactor redactor = Redactor.withDefaults();

  @Test
  void alwaysCategoriesAreFoundAsBareValues() {
    for (String category : new String[] {"user.contact.email", "user.financial.credit_card", "user.device.ip_address"}) {
      assertEquals(Extent.ALWAYS, PlainTextCoverage.of(category).extent(), category);
    }
    assertFound("user.contact.email", "jane.doe@example.com");
    assertFound("user.financial.credit_card", "4111 1111 1111 1111");
    assertFound("user.device.ip_address", "203.0.113.7");
    assertFound("user.device.ip_address", "2001:db8::7");
  }

  @Test
  void someFormsCategoriesAreFoundInTheFormsNamedOnly() {
    assertSomeForms("user.contact.phone_number", "in E.164 form", "+44 20 7946 0958", "020 7946 0958");
    assertFound("user.contact.phone_number", "tel 020 7946 0958");
    assertSomeForms("user.financial.bank_account", "as an IBAN", "DE89 3704 0044 0532 0130 00", "0532013000");
    assertSomeForms("user.government_id.national_identification_number", "as a US social security number",
        "123-45-6789", "AB123456C");
    assertSomeForms("user.authorization.password", "after a key such as password=", "password=hunter2x",
        "hunter2x");
    assertEquals(Extent.SOME_FORMS, PlainTextCoverage.of("user.authorization.credentials").extent());
  }

  @Test
  void otherCategoriesAreNeverFound() {
    for (String[] value : new String[][] {
        {"user.name", "Jane Doe"},
        {"user.contact.address.street", "221B Baker Street"},
        {"user.demographic.date_of_birth", "1990-04-12"},
        {"user.government_id.passport_number", "X1234567"},
    }) {
      assertEquals(Extent.NEVER, PlainTextCoverage.of(value[0]).extent(), value[0]);
      assertEquals("value " + value[1], redactor.redact("value " + value[1]), value[0]);
    }
    assertEquals(Extent.NEVER, PlainTextCoverage.of(null).extent());
  }

  @Test
  void aKeyCoversItsDescendantsButNotASiblingThatSharesItsPrefix() {
    assertEquals(Extent.ALWAYS, PlainTextCoverage.of("user.contact.email.work").extent());
    assertEquals(Extent.NEVER, PlainTextCoverage.of("user.contact.emailish").extent());
  }

  private void assertFound(String category, String value) {
    assertFalse(redactor.redact("value " + value).contains(value.strip()), category + ": " + value);
  }

  private void assertSomeForms(String category, String forms, String found, String notFound) {
    PlainTextCoverage coverage = PlainTextCoverage.of(category);
    assertEquals(Extent.SOME_FORMS, coverage.extent(), category);
    assertTrue(coverage.forms().startsWith(forms), coverage.forms());
    assertFalse(redactor.redact("value " + found).contains(found), category + ": " + found);
    assertEquals("value " + notFound, redactor.redact("value " + notFound), category + ": " + notFound);
  }
}

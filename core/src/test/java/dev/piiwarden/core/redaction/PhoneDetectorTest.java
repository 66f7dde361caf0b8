package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.PHONE);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      reach +14155552671 now             | reach [REDACTED:phone] now
      reach +44 20 7946 0958.            | reach [REDACTED:phone].
      reach +1 (555) 123-4567            | reach [REDACTED:phone]
      reach +49-30-1234567               | reach [REDACTED:phone]
      reach +33.1.23.45.67.89            | reach [REDACTED:phone]
      phone: (555) 123-4567              | phone: [REDACTED:phone]
      Tel. 555-123-4567                  | Tel. [REDACTED:phone]
      call me at 555.123.4567            | call me at [REDACTED:phone]
      mobile 030 1234567                 | mobile [REDACTED:phone]
      fax: 030/1234567                   | fax: [REDACTED:phone]
      sms to 5551234567                  | sms to [REDACTED:phone]
      cellphone 0151 23456789            | cellphone [REDACTED:phone]
      tel 0044 20 7946 0958              | tel [REDACTED:phone]
      GET /c?phone=%2B442079460958&x=1   | GET /c?phone=[REDACTED:phone]&x=1
      ?to=%2B44+20+7946+0958             | ?to=[REDACTED:phone]
      ?to=%2b14155552671                 | ?to=[REDACTED:phone]
      ?phone=030+1234567&x=2             | ?phone=[REDACTED:phone]&x=2
      ?tel=(555)+123-4567                | ?tel=[REDACTED:phone]
      details\\n+447911123456             | details\\n[REDACTED:phone]
      details\\nphone: 020 7946 0958      | details\\nphone: [REDACTED:phone]
      """)
  void phonesAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no context 555-123-4567
      no context (555) 123-4567
      timezone +01:00 and +0100
      too short +1234567
      too long +1234567890123456
      leading zero +0123456789
      phone on 2024-01-15
      hotel 555-123-4567
      phone count 42
      glued +14155552671abc
      heap grew by +15000000 bytes
      north american too short +1415555267
      north american too long +141555526712
      no area code starts with 1 +1 (155) 555-2671
      encoded too short %2B1234567
      encoded glued x%2B442079460958
      encoded then a letter %2BA442079460958
      a plus is no separator unencoded +44+20+7946+0958
      """)
  void otherNumbersStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

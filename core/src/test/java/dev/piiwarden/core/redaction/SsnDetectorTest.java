package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsnDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.SSN);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      id 123-45-6789 ok          | id [REDACTED:ssn] ok
      ssn 123 45 6789            | ssn [REDACTED:ssn]
      social security no 536 22 1234 | social security no [REDACTED:ssn]
      part PN 536-22-1234 backordered | part PN [REDACTED:ssn] backordered
      ssn: 123456789             | ssn: [REDACTED:ssn]
      SSN#123456789              | SSN#[REDACTED:ssn]
      social security no 078051120 | social security no [REDACTED:ssn]
      (899-99-9999)              | ([REDACTED:ssn])
      employee 7 536-22-1234     | employee 7 [REDACTED:ssn]
      ssn 536-22-1234 9 times    | ssn [REDACTED:ssn] 9 times
      """)
  void ssnsAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      area 000 000-12-3456
      area 666 666-12-3456
      area 900 900-12-3456
      group 00 123-00-4567
      serial 0000 123-45-0000
      mixed separators 123-45 6789
      bare without context 123456789
      longer 123-45-67890
      part of more 123-45-6789-1
      invoice INV-123-45-6789
      tail of a number 7-123-45-6789
      spaced tail of a number 7 123 45 6789
      spaced without context 123 45 6789
      matrix dims 512 64 2048
      ssn count 4 then 536 22 1234
      decimal 123-45-6789.5
      decimal before 0.123-45-6789
      date 2024-01-15
      """)
  void otherNumbersStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

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
      call 020 7946 0958 now             | call [REDACTED:phone] now
      Handy mobile: 0151 23456789        | Handy mobile: [REDACTED:phone]
      call 555-123-4567 at 10:30         | call [REDACTED:phone] at 10:30
      phone 555-123-4567 sales           | phone [REDACTED:phone] sales
      phone: 0151 23456789 mobile        | phone: [REDACTED:phone] mobile
      phone identity 0151 23456789       | phone identity [REDACTED:phone]
      tel 0151 23456789                  | tel [REDACTED:phone]
      tel-nr 0151 23456789               | tel-nr [REDACTED:phone]
      Customer(id=1042, customerPhone=07700900123) | Customer(id=1042, customerPhone=[REDACTED:phone])
      contactPhone=4155552671            | contactPhone=[REDACTED:phone]
      Customer(contactNumber=07700900123) | Customer(contactNumber=[REDACTED:phone])
      {"contact_number":"020 7946 0958"} | {"contact_number":"[REDACTED:phone]"}
      mobileNumber=07700900123           | mobileNumber=[REDACTED:phone]
      caller id: 555-123-4567            | caller id: [REDACTED:phone]
      caller_id=5551234567               | caller_id=[REDACTED:phone]
      delivered msisdn=447911123456 ok   | delivered msisdn=[REDACTED:phone] ok
      MSISDN: 4915123456789              | MSISDN: [REDACTED:phone]
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
      call took 1234567 ms
      sms batch sent 1234567 messages
      call took 12 345 678 NS
      phone sync 1234567 bytes
      mobile app build 2026112401 uploaded
      phone_verification id=123 4567 890
      phone verified on 11/24/2026 10:11
      phone verified on 24.11.2026 10:11:12
      phone verified on 24-11-2026
      phone verified on 2026/11/24
      tel-aviv dc latency 12 345 678
      Tel Aviv dc latency 12 345 678
      telemetry batch 1234567
      tel-aviv dc latency 12 345 678 ns
      iPhone 1234567
      phone 4915123456789
      msisdn 0915123456789
      order number 07700900123
      """)
  void otherNumbersStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbanDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.IBAN);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      iban DE89370400440532013000 ok             | iban [REDACTED:iban] ok
      iban DE89 3704 0044 0532 0130 00 ok        | iban [REDACTED:iban] ok
      GB82WEST12345698765432                     | [REDACTED:iban]
      GB82 WEST 1234 5698 7654 32.               | [REDACTED:iban].
      FR1420041010050500013M02606                | [REDACTED:iban]
      NL91ABNA0417164300,                        | [REDACTED:iban],
      Norway NO9386011117947                     | Norway [REDACTED:iban]
      (BE68539007547034)                         | ([REDACTED:iban])
      to CH9300762011623852957 from              | to [REDACTED:iban] from
      ?iban=DE89+3704+0044+0532+0130+00&x=1      | ?iban=[REDACTED:iban]&x=1
      iban de89370400440532013000 as typed       | iban [REDACTED:iban] as typed
      gb82 west 1234 5698 7654 32                | [REDACTED:iban]
      {"message":"Payout to\\nDE89370400440532013000"} | {"message":"Payout to\\n[REDACTED:iban]"}
      """)
  void validIbansAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      wrong check digits DE88370400440532013000
      too short DE8937040044053201300
      too long DE893704004405320130001
      unknown country ZZ89370400440532013000
      glued XDE89370400440532013000
      mixed-case country De89370400440532013000
      a word AB12 and a version AB12CD
      wrong check digits DE88+3704+0044+0532+0130+00
      """)
  void otherCodesStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.CARD);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      paid with 4111111111111111 today       | paid with [REDACTED:card] today
      paid with 4111 1111 1111 1111 today    | paid with [REDACTED:card] today
      paid with 4111-1111-1111-1111.         | paid with [REDACTED:card].
      amex 378282246310005                   | amex [REDACTED:card]
      amex 3782 822463 10005                 | amex [REDACTED:card]
      mc 5555555555554444                    | mc [REDACTED:card]
      mc 2-series 2223003122003222           | mc 2-series [REDACTED:card]
      discover 6011111111111117              | discover [REDACTED:card]
      diners 30569309025904                  | diners [REDACTED:card]
      jcb 3530111333300000                   | jcb [REDACTED:card]
      unionpay 6200000000000005              | unionpay [REDACTED:card]
      visa 13 digits 4222222222222           | visa 13 digits [REDACTED:card]
      (4111111111111111)                     | ([REDACTED:card])
      card=4111111111111111;                 | card=[REDACTED:card];
      4111 1111 1111 1111 2024               | [REDACTED:card] 2024
      GET /pay?card=4111+1111+1111+1111&x=1  | GET /pay?card=[REDACTED:card]&x=1
      visa 13 digits 4222 2222 2222 2 ok     | visa 13 digits [REDACTED:card] ok
      qty 2 4111 1111 1111 1111 captured     | qty 2 [REDACTED:card] captured
      row 12 5500 0000 0000 0004             | row 12 [REDACTED:card]
      card 4111 1111 1111 1111 5 items       | card [REDACTED:card] 5 items
      paid 4111-1111-1111-1111 12 times      | paid [REDACTED:card] 12 times
      #1 4111-1111-1111-1111                 | #1 [REDACTED:card]
      line 300 4111-1111-1111-1111           | line 300 [REDACTED:card]
      3 4111111111111111                     | 3 [REDACTED:card]
      {"message":"card\\n4111111111111111"}  | {"message":"card\\n[REDACTED:card]"}
      paid\\t4111 1111 1111 1111              | paid\\t[REDACTED:card]
      paid: 4111111111111111                 | paid: [REDACTED:card]
      cardNumber=4986947095633979044         | cardNumber=[REDACTED:card]
      pan 4986947095633979044                | pan [REDACTED:card]
      """)
  void validCardsAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      fails Luhn 4111111111111112
      fails Luhn grouped 4111 1111 1111 1112
      no issuer 1234567890123452
      epoch millis 1700000000000
      epoch micros 1700000000000000
      too long 41111111111111110000
      glued to letters 4111111111111111abc
      glued to letters x4111111111111111
      amex with 16 digits 3782822463100051
      short 411111111111
      maestro 12 digits 501800000009
      inside a reference 6127 5018 0000 0009 0805
      price $1,234.56 and 4111.1111.1111.1111
      sum 4111+1111+1111+1112 fails Luhn
      ids 4111+1111 and 1111+1111
      counts 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6
      [orders,dd.trace_id=4986947095633979044 dd.span_id=5265749391392088512]
      {"traceId":"4986947095633979044","spanId":"4111111111111111"}
      orderId=4111111111111111 ORDER_ID: 4111111111111111 "id": 4111111111111111
      random long 4986947095633979044
      serialVersionUID = 4986947095633979044L
      """)
  void otherNumbersStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

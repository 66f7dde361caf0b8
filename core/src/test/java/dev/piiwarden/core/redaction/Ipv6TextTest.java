package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IPv6 addresses written several ways have one form, so their hash tokens are one. */
class Ipv6TextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      2001:db8::1                             | 2001:db8::1
      2001:0db8:0:0::1                        | 2001:db8::1
      2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
      2001:db8:0:1:0:0:0:1                    | 2001:db8:0:1::1
      2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
      2001:db8::0:1:0:0:1                     | 2001:db8::1:0:0:1
      ::                                      | ::
      ::1                                     | ::1
      1::                                     | 1::
      fe80:0:0:0:0:0:0:1                      | fe80::1
      2001:db8:1:2:3:4:5:6                    | 2001:db8:1:2:3:4:5:6
      2001:db8:0:2:3:4:5:6                    | 2001:db8:0:2:3:4:5:6
      ::ffff:192.0.2.1                        | ::ffff:c000:201
      0:0:0:0:0:ffff:c000:0201                | ::ffff:c000:201
      """)
  void oneFormPerAddress(String written, String canonical) {
    assertEquals(canonical, Ipv6Text.canonical(written));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1::2::3
      12345::1
      1:2:3:4:5:6:7
      1:2:3:4:5:6:7:8:9
      -1::2
      ::ffff:300.0.2.1
      g::1
      """)
  void whatIsNoIpv6StaysAsItIs(String text) {
    assertEquals(text, Ipv6Text.canonical(text));
  }
}

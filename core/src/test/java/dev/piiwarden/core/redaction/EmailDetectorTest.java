package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.EMAIL);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mail bob@example.com now               | mail [REDACTED:email] now
      <Jane.Doe+news@mail.example.co.uk>     | <[REDACTED:email]>
      user='x_y%z-1@sub-domain.example.org'  | user='[REDACTED:email]'
      ends a sentence: bob@example.com.      | ends a sentence: [REDACTED:email].
      idn a@b.xn--p1ai                       | idn [REDACTED:email]
      mailto:bob@example.com                 | mailto:[REDACTED:email]
      ..bob@example.com                      | ..[REDACTED:email]
      "email":"BOB@EXAMPLE.COM"              | "email":"[REDACTED:email]"
      GET /users?email=bob%40example.com&x=1 | GET /users?email=[REDACTED:email]&x=1
      """)
  void addressesAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      identity hash com.acme.Foo@1b6d3586
      identity hash Foo@1a2b3c in a list
      no tld bob@localhost
      numeric tld bob@example.123
      one-letter tld bob@example.c
      trailing dot in local bob.@example.com
      double dot bob..smith@example.com
      annotation @Override
      empty local @example.com
      encoded without local %40example.com
      percent 40% of 100%40
      systemd unit getty@tty1.service started
      file Foo@Bar.java
      label starts with hyphen bob@-example.com
      """)
  void otherShapesStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

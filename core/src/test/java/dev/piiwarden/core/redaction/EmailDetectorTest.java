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
      to bob@example.com-- now               | to [REDACTED:email]-- now
      to bob@example.com.-. now              | to [REDACTED:email].-. now
      to bob@a-b.example.com                 | to [REDACTED:email]
      to bob@example.com..                   | to [REDACTED:email]..
      to bob@x.example.com/path              | to [REDACTED:email]/path
      mail josé@example.com now              | mail [REDACTED:email] now
      mail renée@example.fr                  | mail [REDACTED:email]
      mail Müller.Jörg@example.de            | mail [REDACTED:email]
      mail 张伟@example.cn                    | mail [REDACTED:email]
      mail bob@bücher.de                     | mail [REDACTED:email]
      mail иван@пример.рф                    | mail [REDACTED:email]
      glued to a letter bob@example.comé     | glued to a letter [REDACTED:email]
      {"log":"to:\\njane@x.com\\nbob@y.org\\n"} | {"log":"to:\\n[REDACTED:email]\\n[REDACTED:email]\\n"}
      To:\\tjane@x.com                       | To:\\t[REDACTED:email]
      path C:\\\\njane@x.com                 | path C:\\\\[REDACTED:email]
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
      label ends with hyphen bob@example-.com
      inner label starts with hyphen bob@mail.-example.com
      empty label bob@example..com
      domain starts with a dot bob@.example.com
      one label then dots bob@example..
      one label then a hyphen and a dot bob@example-.
      identity hash Ünïcödé@1b6d3586
      one label outside ASCII josé@localhost
      """)
  void otherShapesStay(String text) {
    assertEquals(text, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Cloning into 'orders'... git@github.com:acme/orders.git
      git clone git@gitlab.example.com:group/app.git
      remote url git%40github.com:acme/orders.git
      akka://orders@orders-0.orders.svc.cluster.local:2552
      joined akka://orders@node-1.example.com:2552/user/x
      seeds [akka://orders@node-1.example.com:2552, akka://orders@node-2.example.com:2552]
      scp backup@files.example.com:~/dumps/db.sql .
      """)
  void repositoryAndNodeLocationsStay(String text) {
    assertEquals(text, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      mailto:jane@x.com                        | mailto:[REDACTED:email]
      jane@x.com: please call                  | [REDACTED:email]: please call
      to jane@x.com:                           | to [REDACTED:email]:
      {"log":"to jane@x.com:\\nok"}            | {"log":"to [REDACTED:email]:\\nok"}
      to:jane@x.com,cc:bob@y.org               | to:[REDACTED:email],cc:[REDACTED:email]
      redis://jane@x.com:pw@cache:6379         | redis://[REDACTED:email]:pw@cache:6379
      curl -u jane@x.com:hunter2 https://x.io  | curl -u [REDACTED:email]:hunter2 https://x.io
      user jane@x.com:8080abc                  | user [REDACTED:email]:8080abc
      """)
  void addressesBeforeAColonAndABlankAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @org.junit.jupiter.api.Test
  void labelAndDomainLengths() {
    String label63 = "a".repeat(63);
    assertEquals("x [REDACTED:email] y", redactor.redact("x bob@" + label63 + ".com y"));
    String label64 = "a".repeat(64);
    assertEquals("x bob@" + label64 + ".com y", redactor.redact("x bob@" + label64 + ".com y"));
    // 253 characters of domain at most
    String domain253 = ("a".repeat(61) + ".").repeat(4) + "co.uk".substring(0, 5);
    assertEquals(253, domain253.length());
    assertEquals("x [REDACTED:email] y", redactor.redact("x bob@" + domain253 + " y"));
    String domain254 = "a" + domain253;
    assertEquals("x bob@" + domain254 + " y", redactor.redact("x bob@" + domain254 + " y"));
  }
}

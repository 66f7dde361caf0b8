package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  private final Redactor redactor = Redactor.withDefaults();

  @Test
  void cleanTextComesBackAsTheSameInstance() {
    String clean = "GET /api/orders/42 took 17 ms, status=200, thread main-1, 2024-01-15T10:15:32Z";
    assertSame(clean, redactor.redact(clean));
    assertSame("", redactor.redact(""));
    assertNull(redactor.redact(null));
  }

  @Test
  void textInPlaceIsNullWhenCleanAndRedactedOtherwise() {
    StringBuilder buffer = new StringBuilder("order A-10428 shipped to the north warehouse");
    assertNull(redactor.redactIfFound(buffer));
    assertNull(redactor.redactIfFound(null));
    buffer.setLength(0);
    buffer.append("order A-10428 shipped to bob@example.com");
    assertEquals("order A-10428 shipped to [REDACTED:email]", redactor.redactIfFound(buffer));
  }

  @Test
  void everyKindInOneLine() {
    String line = "user bob@example.com card 4111 1111 1111 1111 iban DE89370400440532013000"
        + " from 10.1.2.3 ssn 123-45-6789 tel +44 20 7946 0958 password=hunter2";
    assertEquals("user [REDACTED:email] card [REDACTED:card] iban [REDACTED:iban]"
        + " from [REDACTED:ip] ssn [REDACTED:ssn] tel [REDACTED:phone]"
        + " password=[REDACTED:credential]", redactor.redact(line));
  }

  @Test
  void countsPerTypeAndReset() {
    Redactor counting = Redactor.withDefaults();
    counting.redact("a@example.com b@example.com 10.0.0.1");
    RedactionCounts counts = counting.snapshotAndReset();
    assertEquals(2, counts.count("email"));
    assertEquals(1, counts.count("ip"));
    assertEquals(0, counts.count("card"));
    assertEquals(3, counts.total());
    assertEquals(0, counts.failures());
    assertTrue(counting.snapshotAndReset().isEmpty());
  }

  @Test
  void overlappingMatchesMergeIntoOneTypedByTheEarliestLongest() {
    // the credential value holds an email: one replacement, the credential's
    assertEquals("password=[REDACTED:credential] ok", redactor.redact("password=bob@example.com ok"));
    // an E.164 number and the national number inside it with a context word: one phone
    assertEquals("phone [REDACTED:phone]", redactor.redact("phone +1 555 123 4567"));
  }

  @Test
  void aLocationIsNoAddressButAUrlPasswordStaysACredential() {
    assertEquals("Cloning into 'orders'... git@github.com:acme/orders.git",
        redactor.redact("Cloning into 'orders'... git@github.com:acme/orders.git"));
    assertEquals("akka://orders@orders-0.orders.svc.cluster.local:2552",
        redactor.redact("akka://orders@orders-0.orders.svc.cluster.local:2552"));
    assertEquals("postgres://app:[REDACTED:credential]@db.example.com:5432/x",
        redactor.redact("postgres://app:s3cret@db.example.com:5432/x"));
    assertEquals("[REDACTED:email]: please call", redactor.redact("jane@x.com: please call"));
  }

  @Test
  void aFailingDetectorGivesTheFailureMarkAndIsCounted() {
    List<RedactionFailure> told = new ArrayList<>();
    RedactionSettings settings = RedactionSettings.builder().onFailure(told::add).build();
    Redactor failing = Redactor.withDetectors(settings, List.of(new Detector() {
      @Override
      public String type() {
        return "broken";
      }

      @Override
      public int triggers() {
        return DIGIT_RUN;
      }

      @Override
      public long detect(CharSequence text, int at, int hint) {
        throw new IllegalStateException("boom at " + text);
      }
    }));
    assertEquals(Redactor.FAILED, failing.redact("card 4111111111111111"));
    assertSame("no digits here", failing.redact("no digits here"));
    assertEquals(1, failing.counts().failures());
    assertEquals(List.of(new RedactionFailure("text", "java.lang.IllegalStateException")), told);
  }

  @Test
  void aFailureContainedByACallerIsCountedWithTheEnginesOwn() {
    Redactor counting = Redactor.withDefaults();
    counting.countFailure();
    assertEquals(1, counting.snapshotAndReset().failures());
    assertEquals(0, counting.counts().failures());
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheFailurePath() {
    RedactionSettings settings = RedactionSettings.builder()
        .onFailure(failure -> {
          throw new IllegalStateException("listener");
        })
        .build();
    Redactor failing = Redactor.withDetectors(settings, List.of(new ThrowingDetector()));
    assertEquals(Redactor.FAILED, failing.redact("@"));
    assertEquals(1, failing.counts().failures());
  }

  @Test
  void userPatternsRunOnRe2jWithTheirOwnType() {
    Redactor withPattern = Redactor.create(RedactionSettings.builder()
        .pattern("employee-id", "\\bE-[0-9]{6}\\b").build());
    assertEquals("by [REDACTED:employee-id] and [REDACTED:email]",
        withPattern.redact("by E-123456 and bob@example.com"));
    assertEquals(1, withPattern.counts().count("employee-id"));
  }

  @Test
  void userPatternsLeaveMasksAndHashTokensWhole() {
    Redactor masking = Redactor.create(RedactionSettings.builder().pattern("code", "[A-Z0-9]{6}").build());
    // the second pass over a text whose arguments were redacted first
    assertEquals("user [REDACTED:email] logged in with [REDACTED:code]",
        masking.redact(masking.redact("user bob@example.com logged in with AB12CD")));
    Redactor hashing = Redactor.create(RedactionSettings.builder()
        .style(RedactionStyle.HASH).pattern("hex", "[0-9a-f]{4}").build());
    String once = hashing.redact("mail bob@example.com");
    assertTrue(once.matches("mail \\[email:[0-9a-f]{16}\\]"), once);
    assertEquals(once, hashing.redact(once));
  }

  @Test
  void aPatternThatMatchesEmptyTextIsRefused() {
    for (String regex : List.of("a*", "x?", "\\d*", "^")) {
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
          () -> RedactionSettings.builder().pattern("p", regex), regex);
      assertTrue(empty.getMessage().contains("matches empty text"), empty.getMessage());
    }
  }

  @Test
  void badPatternsAndKeysAreRejectedAtOnce() {
    IllegalArgumentException backReference = assertThrows(IllegalArgumentException.class,
        () -> RedactionSettings.builder().pattern("dup", "(a)\\1"));
    assertTrue(backReference.getMessage().contains("RE2J"), backReference.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RedactionSettings.builder().pattern("Bad Type", "x"));
    assertThrows(IllegalArgumentException.class, () -> RedactionSettings.builder().extraKey("a b"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> RedactionSettings.builder().detectors("email,fingerprint"));
    assertTrue(unknown.getMessage().contains("fingerprint"), unknown.getMessage());
  }

  @Test
  void extraKeysAreCredentialsToo() {
    assertEquals("member_code=abc123 user=bob", Redactor.withDefaults().redact("member_code=abc123 user=bob"));
    Redactor withKey = Redactor.create(RedactionSettings.builder().extraKey("member_code").build());
    assertEquals("member_code=[REDACTED:credential] user=bob",
        withKey.redact("member_code=abc123 user=bob"));
    assertEquals("Member-Code: [REDACTED:credential]",
        Redactor.create(RedactionSettings.builder().extraKey("member-code").build())
            .redact("Member-Code: abc123"));
  }

  @Test
  void aCredentialKeyMasksItsWholeValue() {
    assertEquals("[REDACTED:credential]", redactor.redactValue("password", "hunter2"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("db.password", "correct horse battery"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("X-Api-Key", "AKIA1234567890"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("accessToken", "abc"));
    assertEquals("[REDACTED:email]", redactor.redactValue("customer", "bob@example.com"));
    String hint = "my first dog";
    assertSame(hint, redactor.redactValue("passwordHint", hint));
    assertSame(hint, redactor.redactValue("mytoken", hint));
    for (String kept : new String[] {"null", "false", "[REDACTED:credential]", "[REDACTED]", ""}) {
      assertSame(kept, redactor.redactValue("token", kept));
    }
    assertEquals(null, redactor.redactValue("token", null));
    assertEquals("abc", redactor.redactValue(null, "abc"));
    assertEquals("zzz", redactor.redactValue("member_code", "zzz"));
    assertEquals("premium", redactor.redactValue("plan.basic", "premium"));
    Redactor withKey = Redactor.create(RedactionSettings.builder().extraKey("member_code").build());
    assertEquals("[REDACTED:credential]", withKey.redactValue("member_code", "zzz"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("JSESSIONID", "8F2A9C1D0E7B"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("connect.sid", "s%3Aabc.def"));
    assertEquals("ORCL", redactor.redactValue("sid", "ORCL"));
    assertEquals("x", redactor.redactValue("-p", "x"));
    assertEquals("4111111111111111", redactor.redactValue("dd.trace_id", "4111111111111111"));
    assertEquals("4986947095633979044", redactor.redactValue("dd.span_id", "4986947095633979044"));
    assertEquals("[REDACTED:card]", redactor.redactValue("payment", "4111111111111111"));
    assertEquals("/app", redactor.redactValue("PWD", "/app"));
    assertEquals("[REDACTED:credential]", redactor.redactValue("PWD", "hunter2"));
    Redactor noCredentials = Redactor.create(
        RedactionSettings.builder().detectors(EnumSet.of(PiiType.EMAIL)).build());
    assertSame(hint, noCredentials.redactValue("password", hint));
  }

  @Test
  void aCredentialKeysValueIsCountedAndHashedAsInText() {
    Redactor hashing = Redactor.create(RedactionSettings.builder().style(RedactionStyle.HASH).hashKey(new byte[32]).build());
    String token = hashing.redactValue("password", "hunter2");
    assertEquals("password=" + token, hashing.redact("password=hunter2"));
    assertEquals(2L, hashing.counts().byType().get("credential"));
  }

  @Test
  void onlyTheEnabledDetectorsRun() {
    Redactor emailOnly = Redactor.create(
        RedactionSettings.builder().detectors(EnumSet.of(PiiType.EMAIL)).build());
    assertEquals("[REDACTED:email] 10.0.0.1 password=x",
        emailOnly.redact("bob@example.com 10.0.0.1 password=x"));
    Redactor none = Redactor.create(RedactionSettings.builder().detectors("").build());
    String text = "bob@example.com";
    assertSame(text, none.redact(text));
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    String once = redactor.redact("password=hunter2 mail bob@example.com from 10.0.0.1");
    assertSame(once, redactor.redact(once));
  }

  private static final class ThrowingDetector implements Detector {
    @Override
    public String type() {
      return "broken";
    }

    @Override
    public int triggers() {
      return AT_SIGN;
    }

    @Override
    public long detect(CharSequence text, int at, int hint) {
      throw new StackOverflowError();
    }
  }

  /** ANSI colour codes glued to a value: the value is found, the codes stay ({@code ESC} written as {@code \\e}). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      \\e[31mjane.doe@example.com\\e[0m              | \\e[31m[REDACTED:email]\\e[0m
      user \\e[1;31mjane.doe@example.com\\e[0m in     | user \\e[1;31m[REDACTED:email]\\e[0m in
      password=\\e[1mhunter2\\e[0m ok                 | password=\\e[1m[REDACTED:credential]\\e[0m ok
      \\e[36mpassword\\e[0m=hunter2 user=bob          | \\e[36mpassword\\e[0m=[REDACTED:credential] user=bob
      card \\e[33m4111111111111111\\e[0m              | card \\e[33m[REDACTED:card]\\e[0m
      call \\e[33m+44 20 7946 0958\\e[0m              | call \\e[33m[REDACTED:phone]\\e[0m
      from \\e[32m192.168.1.23\\e[0m                  | from \\e[32m[REDACTED:ip]\\e[0m
      iban \\e[1mDE89370400440532013000\\e[0m         | iban \\e[1m[REDACTED:iban]\\e[0m
      \\e[0m\\e[31mERROR\\e[0m order 42 shipped      | \\e[0m\\e[31mERROR\\e[0m order 42 shipped
      """)
  void colourCodesAroundAValueStay(String text, String expected) {
    String in = text.replace("\\e", "\u001b");
    assertEquals(expected.replace("\\e", "\u001b"), redactor.redact(in));
    String ofSequence = redactor.redactSequence(new StringBuilder(in)); // null when nothing is found
    assertEquals(expected.replace("\\e", "\u001b"), ofSequence == null ? in : ofSequence);
  }
}

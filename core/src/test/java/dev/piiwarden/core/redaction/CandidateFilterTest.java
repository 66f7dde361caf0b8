package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan's fast path ({@link CandidateFilter} first, then only the detectors it leaves) finds
 * exactly what the full scan finds, every detector called at every trigger: the same raw matches,
 * start, end and type, on the labelled corpus, on seeded random text, and on the shortest value of
 * each type at the edges of the text and next to separators. And clean text is rejected by the
 * filter alone.
 */
class CandidateFilterTest {
  private static final Redactor ALL = Redactor.withDefaults();
  private static final Redactor CONFIGURED = Redactor.create(RedactionSettings.builder()
      .extraKey("session-id").pattern("ticket", "T-[0-9]+").build());

  @Test
  void sameMatchesOnTheLabelledCorpus() {
    CorpusGenerator generator = new CorpusGenerator(20261122L);
    int lines = 0;
    for (int i = 0; i < 10_000; i++) {
      assertSameMatches(ALL, generator.negative());
      lines++;
    }
    for (PiiType type : PiiType.values()) {
      for (int i = 0; i < 2_000; i++) {
        String line = generator.positive(type.key()).line();
        assertSameMatches(ALL, line);
        assertSameMatches(CONFIGURED, line);
        lines++;
      }
    }
    assertEquals(24_000, lines);
  }

  @Test
  void sameMatchesOnRandomText() {
    Random random = new Random(7);
    String alphabet = "0123456789 0123456789-./()+:@%=abcfxyzABFGNOXYZ_\"'\\,;#é";
    String[] fragments = {
      "bearer ", "Bearer ", "BEARER", "%40", "@", "::", ":", "password", "pwd", "session-id",
      "Authorization: ", "tel ", "phone ", "ssn ", "version ", "DE", "NO93", "GB82", "4111",
      "1.2.", "192.168.", "+44 ", "(555) ", "123-45-", "ff:", "xn--", "//u:p@", "[REDACTED:", "T-",
      "%2B44", "%2b1", "4111+", "+1111", "DE89+", "Basic ", "basic ", "dXNlcjpwYXNz", "YTpi",
      "ghp_", "sk_live_", "AKIA", "ASIA7", "AIza", "pass", "pin", "7 ms", "11/24/2026",
      "PASSWORD '", "password ", "IDENTIFIED", " by '", "identified by '",
      " -p", "-p ", "mysql ", " login ", " --password ", "--db-token ", " -u ", "--user ", "docker ",
      "/", "sqlplus ", "u/p@", "@//", "thin:", "@h:1521", "//u:p@q@", " with value '", "'x.password'",
      "\u001b[31m", "\u001b[0m", "\u001b[1;3", "\u001b["
    };
    int withMatches = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      while (text.length() < length) {
        if (random.nextInt(4) == 0) {
          text.append(fragments[random.nextInt(fragments.length)]);
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String line = text.toString();
      if (assertSameMatches(ALL, line) > 0) {
        withMatches++;
      }
      assertSameMatches(CONFIGURED, line);
    }
    // the generator must reach the detectors, else the comparison says little
    assertTrue(withMatches > 10_000, withMatches + " random lines with matches");
  }

  static Stream<Arguments> shortestValues() {
    return Stream.of(
        Arguments.of("email", "a@b.co", "", CandidateFilter.EMAIL),
        Arguments.of("email", "a%40b.co", "", CandidateFilter.EMAIL),
        Arguments.of("card", "4222222222222", "", CandidateFilter.CARD),
        Arguments.of("card", "4222 2222 22222", "", CandidateFilter.CARD),
        Arguments.of("ssn", "123-45-6789", "", CandidateFilter.SSN),
        Arguments.of("ssn", "123 45 6789", "ssn ", CandidateFilter.SSN),
        Arguments.of("ssn", "123456789", "ssn ", CandidateFilter.SSN),
        Arguments.of("phone", "+32345678", "", CandidateFilter.PHONE),
        Arguments.of("phone", "+3 (23) 45-678", "", CandidateFilter.PHONE),
        Arguments.of("phone", "1234567", "tel ", CandidateFilter.PHONE),
        Arguments.of("phone", "(12) 34567", "tel ", CandidateFilter.PHONE),
        Arguments.of("phone", "(12)-345.67", "tel ", CandidateFilter.PHONE),
        Arguments.of("ip", "1.2.3.4", "", CandidateFilter.IPV4),
        Arguments.of("ip", "::2", "", CandidateFilter.IPV6),
        Arguments.of("ip", "1::", "", CandidateFilter.IPV6),
        Arguments.of("ip", "::ffff:1.2.3.4", "", CandidateFilter.IPV6),
        Arguments.of("ip", "1:2:3:4:5:6:7:8", "", CandidateFilter.IPV6),
        Arguments.of("iban", "NO9386011117947", "", CandidateFilter.IBAN),
        Arguments.of("credential", "x", "pwd=", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "x", "pwd:", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "abcdefgh", "Bearer ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "abcdefgh", "bEARER ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "YTpi", "Basic ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "YTpi", "bASIC ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "p", "//u:", CandidateFilter.USER_INFO),
        Arguments.of("credential", "ghp_" + "a".repeat(36), "", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "github_pat_" + "a".repeat(22), "", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "rk_live_" + "a".repeat(24), "", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "AKIA" + "A".repeat(15) + "2", "", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "ASIA2" + "A".repeat(15), "", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "AIza" + "a".repeat(35), "k=", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "x", "mysql -p", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "x", "login -p ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "x", "app --pin ", CandidateFilter.CREDENTIAL),
        Arguments.of("credential", "x", "-u a:", CandidateFilter.CREDENTIAL));
  }

  /**
   * The shortest value of each type alone, at the start and at the end of a longer text, and
   * between separators: found, and found the same by the fast path and the full scan.
   */
  @ParameterizedTest(name = "{0}: {2}{1}")
  @MethodSource("shortestValues")
  void shortestValueAtTheEdges(String type, String value, String before, int candidate) {
    String mask = Redactor.mask(type);
    String after = type.equals("credential") && before.equals("//u:") ? "@h" : "";
    List<String[]> shapes = new ArrayList<>();
    shapes.add(new String[] {"", ""});
    shapes.add(new String[] {"", " and more"});
    shapes.add(new String[] {"text before, ", ""});
    shapes.add(new String[] {"one ", " two"});
    shapes.add(new String[] {"(", ")"});
    shapes.add(new String[] {"'", "'"});
    shapes.add(new String[] {"<", ">"});
    shapes.add(new String[] {"[", "], "});
    for (String[] shape : shapes) {
      String text = shape[0] + before + value + after + shape[1];
      assertEquals(shape[0] + before + mask + after + shape[1], ALL.redact(text), text);
      assertTrue((CandidateFilter.candidates(text) & candidate) != 0, text);
      assertSameMatches(ALL, text);
      assertSameMatches(CONFIGURED, text);
    }
  }

  /**
   * Text whose only candidate is an address goes through the pass that looks only for {@code @}
   * and {@code %40}: the same matches as the full scan, with local parts around the 64-character
   * limit, runs of dots, non-ASCII letters and several addresses.
   */
  @Test
  void addressOnlyTextFindsWhatTheFullScanFinds() {
    Random random = new Random(13);
    String alphabet = "abcxyz.._-+%é@ ";
    int found = 0;
    for (int length : new int[] {62, 63, 64, 65, 66, 130}) {
      String local = "a".repeat(length);
      for (String text : new String[] {
        local + "@example.com", "x " + local + "@example.com", local + "%40example.com",
        "é" + local + "@example.com", local.replace('a', '.') + "b@example.com",
      }) {
        assertEquals(CandidateFilter.EMAIL, CandidateFilter.candidates(text) & ~CandidateFilter.USER_INFO, text);
        found += assertSameMatches(ALL, text);
      }
    }
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(90); k > 0; k--) {
        text.append(random.nextInt(8) == 0 ? "@example.com" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      found += assertSameMatches(ALL, text.toString());
    }
    assertTrue(found > 5_000, found + " addresses");
  }

  /** Just short of each condition: the filter leaves the detector out. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("justShort")
  void justShortOfACondition(String text, int excluded) {
    assertEquals(0, CandidateFilter.candidates(text) & excluded, text);
    assertSameMatches(ALL, text);
  }

  static Stream<Arguments> justShort() {
    return Stream.of(
        Arguments.of("422222222222", CandidateFilter.CARD),
        Arguments.of("4222 2222 2222", CandidateFilter.CARD),
        Arguments.of("4222 2222 x 22222", CandidateFilter.CARD),
        Arguments.of("123-45-678", CandidateFilter.SSN),
        Arguments.of("123-45 - 6789", CandidateFilter.SSN | CandidateFilter.CARD),
        Arguments.of("tel 123456", CandidateFilter.PHONE),
        Arguments.of("tel 123-x-4567", CandidateFilter.PHONE),
        Arguments.of("1.2.3", CandidateFilter.IPV4),
        Arguments.of("1.2.3 .4", CandidateFilter.IPV4),
        Arguments.of("1.2..3.4", CandidateFilter.IPV4),
        Arguments.of("a:12345:b", CandidateFilter.IPV6),
        Arguments.of("a:g:b", CandidateFilter.IPV6),
        Arguments.of("NO 9386011117947", CandidateFilter.IBAN),
        Arguments.of("No9386011117947", CandidateFilter.IBAN),
        Arguments.of("N09386011117947", CandidateFilter.IBAN),
        Arguments.of("bob at example.com", CandidateFilter.EMAIL | CandidateFilter.USER_INFO),
        Arguments.of("bob%4example.com", CandidateFilter.EMAIL),
        Arguments.of("redis:u:p@cache", CandidateFilter.USER_INFO),
        Arguments.of("scott/" + "t".repeat(128) + "@orcl", CandidateFilter.USER_INFO),
        Arguments.of("ls -l -P", CandidateFilter.CREDENTIAL),
        Arguments.of("x--password a and -- password", CandidateFilter.CREDENTIAL),
        Arguments.of("password is hunter2", CandidateFilter.CREDENTIAL),
        Arguments.of("password  'hunter2'", CandidateFilter.CREDENTIAL),
        Arguments.of("password with values 'hunter2'", CandidateFilter.CREDENTIAL),
        Arguments.of("identified by'hunter2'", CandidateFilter.CREDENTIAL),
        Arguments.of("bearerabcdefgh", CandidateFilter.CREDENTIAL),
        Arguments.of("bearer", CandidateFilter.CREDENTIAL),
        Arguments.of("ghx_16C7e42F292c6912E7710c838347Ae178B4a", CandidateFilter.CREDENTIAL),
        Arguments.of("AKIAIOSFODNNQEXAMPLE", CandidateFilter.CREDENTIAL),
        Arguments.of("xAKIAIOSFODNN7EXAMPLE", CandidateFilter.CREDENTIAL),
        Arguments.of("AIzaSyD-FAKEKEY1234567890abcdEFGHijklmn", CandidateFilter.CREDENTIAL));
  }

  @Test
  void cleanLogTextIsRejectedByTheFilterAlone() {
    for (String text : new String[] {
      "order A-10428 shipped to warehouse north-2",
      "A-10428",
      "warehouse north-2",
      "java.lang.IllegalStateException at com.acme.Foo.bar(Foo.java)",
      "retrying in 250 ms (attempt 3 of 5), 12 items left",
    }) {
      assertEquals(0, CandidateFilter.candidates(text), text);
      assertEquals(null, ALL.scanner().scan(text), text);
    }
  }

  /**
   * What a log hook relies on to skip the arguments inside a formatted message: text the redactor
   * is certain holds nothing comes back unchanged, and so does every part of it.
   */
  @Test
  void everyPartOfCertainlyCleanTextIsCleanToo() {
    Random random = new Random(3);
    CorpusGenerator generator = new CorpusGenerator(5);
    String alphabet = "0123456789 -./():@%=abBxyzAEGNOXZ_,";
    int certain = 0;
    for (int i = 0; i < 20_000; i++) {
      String text;
      if (i % 2 == 0) {
        text = generator.negative();
      } else {
        StringBuilder random40 = new StringBuilder();
        for (int k = random.nextInt(40); k > 0; k--) {
          random40.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text = random40.toString();
      }
      if (!ALL.certainlyClean(text)) {
        continue;
      }
      certain++;
      assertSame(text, ALL.redact(text));
      for (int k = 0; k < 20; k++) {
        int start = random.nextInt(text.length() + 1);
        int end = start + random.nextInt(text.length() - start + 1);
        String part = text.substring(start, end);
        assertTrue(ALL.certainlyClean(part), part);
        assertEquals(List.of(), matches(ALL.scanner().scanFully(part)), part);
      }
    }
    assertTrue(certain > 2_000, certain + " certainly clean texts");
  }

  /**
   * Text a redaction made of clean text and masks: the colon of a mask is no credential shape, so
   * such text is certainly clean, and the scan of it or of any part of it finds nothing, as the
   * full scan does; unless a configured key is a suffix of {@code redacted}, when the colon counts
   * again and the scan still finds what the full scan finds.
   */
  @Test
  void theColonOfAMaskIsNoCredentialShape() {
    Random random = new Random(5);
    for (PiiType type : PiiType.values()) {
      String mask = Redactor.mask(type.key());
      for (String text : new String[] {
        mask, "order A-10428 shipped to " + mask, mask + mask, "(" + mask + "), " + mask + ".",
      }) {
        assertTrue(ALL.certainlyClean(text), text);
        assertSame(text, ALL.redact(text));
        assertSameMatches(ALL, text);
        for (int k = 0; k < 50; k++) {
          int start = random.nextInt(text.length() + 1);
          int end = start + random.nextInt(text.length() - start + 1);
          String part = text.substring(start, end);
          assertEquals(List.of(), matches(ALL.scanner().scanFully(part)), part);
          assertSame(part, ALL.redact(part));
        }
      }
    }
    for (String text : new String[] {"REDACTED:x", "[REDACTE:x", "[redacted:x", "[REDACTED :x"}) {
      assertFalse(ALL.certainlyClean(text), text);
    }
    for (String key : new String[] {"redacted", "acted", "d"}) {
      Redactor keyed = Redactor.create(RedactionSettings.builder().extraKey(key).build());
      String text = "order A-10428 shipped to [REDACTED:email]";
      assertFalse(keyed.certainlyClean(text), key);
      assertSameMatches(keyed, text);
    }
    Redactor keyedRedacted = Redactor.create(RedactionSettings.builder().extraKey("redacted").build());
    assertEquals("x [REDACTED:[REDACTED:credential]]", keyedRedacted.redact("x [REDACTED:email]"));
  }

  /**
   * A text rebuilt from another by putting the redactions of some of its parts in their place (a
   * log message with its arguments redacted) is redacted exactly as a scan of it would: also when
   * the scan is skipped because the original's only shape was an address's and no {@code @} or
   * {@code %} is left.
   */
  @Test
  void rebuiltTextIsRedactedAsItsScanWouldBe() {
    Random random = new Random(19);
    String[] fragments = {
      "jane.doe@example.com", "a@b.co", "bob%40example.org", "@", "%", "%40", "4111 1111 1111 1111",
      "pwd=", ":", "Bearer abcdefgh1", "DE89 3704 0044 0532 0130 00", "1.2.3.4", "::1", "x", " ",
    };
    int skipped = 0;
    for (int i = 0; i < 50_000; i++) {
      String text = randomText(random, fragments);
      String rebuilt = text;
      for (int k = random.nextInt(3); k >= 0; k--) {
        int start = random.nextInt(rebuilt.length() + 1);
        int end = start + random.nextInt(rebuilt.length() - start + 1);
        rebuilt = rebuilt.substring(0, start) + ALL.redact(rebuilt.substring(start, end)) + rebuilt.substring(end);
      }
      int shapes = ALL.shapes(text);
      assertEquals(ALL.redact(rebuilt), ALL.redactRebuilt(rebuilt, shapes), text + " -> " + rebuilt);
      if (ALL.scanner().certainlyCleanRebuilt(rebuilt, shapes)) {
        skipped++;
        assertEquals(List.of(), matches(ALL.scanner().scanFully(rebuilt)), rebuilt);
      }
    }
    assertTrue(skipped > 2_000, skipped + " rebuilt texts not scanned");
    assertEquals("order A-10428 shipped to [REDACTED:email]", ALL.redactRebuilt(
        "order A-10428 shipped to [REDACTED:email]", ALL.shapes("order A-10428 shipped to jane.doe@example.com")));
    Redactor hash = Redactor.create(RedactionSettings.builder().style(RedactionStyle.HASH).hashKey(new byte[32]).build());
    String token = hash.redact("jane.doe@example.com");
    assertEquals(hash.redact("x " + token), hash.redactRebuilt("x " + token, hash.shapes("x jane.doe@example.com")));
  }

  /**
   * A part of a text (a log argument shown in its formatted message) is redacted as a whole scan of
   * it would be when it is told the text's shapes: also when the filter pass is skipped because the
   * text's only shape was an address's, with {@code @} and {@code %40} anywhere in the part; with
   * user patterns, and with shapes that are unknown (-1).
   */
  @Test
  void partsAreRedactedAsTheirScanWouldBe() {
    Random random = new Random(29);
    String[] fragments = {
      "jane.doe@example.com", "a@b.co", "bob%40example.org", "x%40y", "@", "%", "%40", "@@b.org",
      "4111 1111 1111 1111", "pwd=", ":", "Bearer abcdefgh1", "1.2.3.4", "::1", "[REDACTED", "x", " ",
    };
    int addressOnly = 0;
    for (int i = 0; i < 50_000; i++) {
      String text = randomText(random, fragments);
      int shapes = ALL.shapes(text);
      addressOnly += (shapes & ~CandidateFilter.PERCENT_SIGN) == CandidateFilter.EMAIL ? 1 : 0;
      for (int k = 0; k < 5; k++) {
        int start = random.nextInt(text.length() + 1);
        int end = start + random.nextInt(text.length() - start + 1);
        String part = text.substring(start, end);
        assertEquals(ALL.redact(part), ALL.redactPart(part, shapes), text + " / " + part);
        assertEquals(CONFIGURED.redact(part), CONFIGURED.redactPart(part, CONFIGURED.shapes(text)), part);
        assertEquals(ALL.redact(part), ALL.redactPart(part, -1), part);
      }
    }
    assertTrue(addressOnly > 2_000, addressOnly + " texts whose only shape is an address's");
    assertSame("A-10428", ALL.redactPart("A-10428", ALL.shapes("order A-10428 shipped to jane.doe@example.com")));
    assertEquals("[REDACTED:email]",
        ALL.redactPart("jane.doe@example.com", ALL.shapes("order A-10428 shipped to jane.doe@example.com")));
  }

  @Test
  void withUserPatternsNothingIsCertainlyClean() {
    assertTrue(ALL.certainlyClean("order A-10428 shipped to warehouse north-2"));
    assertFalse(CONFIGURED.certainlyClean("order A-10428 shipped to warehouse north-2"));
    assertEquals("order [REDACTED:ticket]", CONFIGURED.redact("order T-10428"));
  }

  /** One to eight pieces: a character of the shapes' alphabet, or one of {@code fragments}. */
  private static String randomText(Random random, String[] fragments) {
    String alphabet = "0123456789 -./():@%=abBxyzAEGNOXZ_,é";
    StringBuilder text = new StringBuilder();
    for (int k = random.nextInt(8); k >= 0; k--) {
      text.append(random.nextInt(3) == 0
          ? String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())))
          : fragments[random.nextInt(fragments.length)]);
    }
    return text.toString();
  }

  /** Compares the raw matches of both paths; returns how many there were. */
  private static int assertSameMatches(Redactor redactor, String text) {
    List<String> fast = matches(redactor.scanner().scan(text));
    List<String> full = matches(redactor.scanner().scanFully(text));
    assertEquals(full, fast, text);
    return full.size();
  }

  private static List<String> matches(Replacements found) {
    List<String> matches = new ArrayList<>();
    if (found != null) {
      for (int i = 0; i < found.size(); i++) {
        matches.add(found.start(i) + "-" + found.end(i) + ":" + found.type(i));
      }
    }
    return matches;
  }
}

package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linear time as a property: the number of character reads the scan makes (every detector reads
 * the text only through {@code charAt}) grows in proportion to the input on adversarial shapes.
 * Reads, not a stopwatch, so the test does not depend on the machine's load.
 */
class LinearTimeTest {
  private static final int N = 50_000;

  static Stream<Arguments> adversarialShapes() {
    return Stream.of(
        Arguments.of("long digit run", "1"),
        Arguments.of("digits and spaces", "1 "),
        Arguments.of("digits and dashes", "12-"),
        Arguments.of("dotted digits", "1.1."),
        Arguments.of("email domain run", "a@a.a.a.a.a."),
        Arguments.of("dotted domain after one at", "a."),
        Arguments.of("at signs", "a@"),
        Arguments.of("encoded at signs", "a%40a."),
        Arguments.of("repeated separators", " - . ( ) "),
        Arguments.of("plus and digits", "+1 "),
        Arguments.of("colons", ":"),
        Arguments.of("hex groups", "a:1:"),
        Arguments.of("key names glued", "password"),
        Arguments.of("key names in capitals glued", "PASSWORD"),
        Arguments.of("keys with separators", "password="),
        Arguments.of("keys with open quotes", "password=\""),
        Arguments.of("escaped quotes", "token:\\\"a"),
        Arguments.of("authorization headers", "Authorization: Bearer "),
        Arguments.of("authorization parameters", "Authorization: Digest a=\"b\", c=d, "),
        Arguments.of("phone context and digits", "tel 1-"),
        Arguments.of("iban-like", "DE89 "),
        Arguments.of("open parentheses", "(1"),
        Arguments.of("url user info", "//u:p@"),
        Arguments.of("long user info", "//u:" + "p".repeat(300) + "@"),
        Arguments.of("secret token prefixes", "ghp_sk_live_"),
        Arguments.of("capitals and digits", "AKIA1"),
        Arguments.of("phone context and dates", "phone 11/24/2026 7 ms id "),
        Arguments.of("keys before prose", "token: must "),
        Arguments.of("product versions", "MyApp/1.2.3.4/"),
        Arguments.of("command-line flags", "login -p -u a:b --password x -px "),
        Arguments.of("long option names", "--a-b-c-d-e-f-g-h-password "),
        Arguments.of("connect strings", "sqlplus a/b@h:1 u/p@"),
        Arguments.of("colour codes", "\u001b[1;31ma@b.c\u001b[0mpassword=\u001b[1m1"),
        Arguments.of("unfinished colour codes", "\u001b[1;1;1;1;1;1;1;1;1"),
        Arguments.of("at signs in user info", "//u:p@q@r@"),
        Arguments.of("mixed", "x@y.z 1.2.3 +4 pwd: a::b (5) DE00 "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adversarialShapes")
  void readsGrowLinearly(String name, String unit) {
    Redactor redactor = Redactor.create(
        RedactionSettings.builder().pattern("employee-id", "\\bE-[0-9]{6}\\b").build());
    long small = reads(redactor, build(unit, N));
    long large = reads(redactor, build(unit, 4 * N));
    double perChar = (double) large / (4 * N);
    double ratio = (double) large / small;
    System.out.printf("linear time: %-26s %7.1f reads per char, 4n/n = %.2f%n", name, perChar, ratio);
    assertTrue(ratio < 4.5, name + ": 4n takes " + ratio + " times the reads of n");
    assertTrue(perChar < 64, name + ": " + perChar + " reads per char");
  }

  @Test
  void fourMegabytesOfAdversarialInputComplete() {
    StringBuilder mixed = new StringBuilder(4 * 1024 * 1024 + 64);
    String[] units = adversarialShapes().map(a -> (String) a.get()[1]).toArray(String[]::new);
    int chunk = 4 * 1024 * 1024 / units.length;
    for (String unit : units) {
      mixed.append(build(unit, chunk));
    }
    String text = mixed.toString();
    Redactor redactor = Redactor.withDefaults();
    long[][] runs = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> new long[][] {timed(redactor, text), timed(redactor, text)});
    System.out.printf("linear time: %d chars of adversarial input redacted in %d ms wall / %d ms CPU"
        + " (first run, JIT cold) and %d ms wall / %d ms CPU (second run)%n", text.length(),
        runs[0][0] / 1_000_000, runs[0][1] / 1_000_000, runs[1][0] / 1_000_000, runs[1][1] / 1_000_000);
  }

  /** Wall and CPU nanoseconds of one redaction: the machine is shared, CPU time shows the work. */
  private static long[] timed(Redactor redactor, String text) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    String out = redactor.redact(text);
    long elapsed = System.nanoTime() - start;
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    assertFalse(out.equals(Redactor.FAILED));
    return new long[] {elapsed, cpu};
  }

  private static long reads(Redactor redactor, String text) {
    CountingCharSequence counted = new CountingCharSequence(text);
    redactor.redactSequence(counted);
    return counted.reads();
  }

  private static String build(String unit, int length) {
    StringBuilder text = new StringBuilder(length + unit.length());
    while (text.length() < length) {
      text.append(unit);
    }
    text.setLength(length);
    return text.toString();
  }
}

package dev.piiwarden.cli.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.cli.Main;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.FsyncPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactCommandTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email      | mail bob@example.com now             | mail [REDACTED:email] now",
        "phone      | call +44 20 7946 0958 today           | call [REDACTED:phone] today",
        "card       | paid with 4111 1111 1111 1111.        | paid with [REDACTED:card].",
        "iban       | to DE89 3704 0044 0532 0130 00 ok     | to [REDACTED:iban] ok",
        "ip         | from 203.0.113.7 and 2001:db8::1      | from [REDACTED:ip] and [REDACTED:ip]",
        "ssn        | ssn 123-45-6789 filed                 | ssn [REDACTED:ssn] filed",
        "credential | login password=hunter2 user=x         | login password=[REDACTED:credential] user=x",
      })
  void masksEachDetectorType(String type, String line, String expected) {
    RedactRun run = RedactRun.of(line + "\n");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(expected + "\n", run.text());
    assertEquals("", run.err());
  }

  @Test
  void aDashIsTheStandardStream() {
    RedactRun run = RedactRun.of("mail bob@example.com\n", "--in", "-", "--out", "-");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("mail [REDACTED:email]\n", run.text());
    assertFalse(Files.exists(Path.of("-")), "no file named -");
  }

  @Test
  void theFirstLineOfAPipeThatGoesQuietComesOutWithoutWaitingForTheNext() throws Exception {
    java.io.PipedOutputStream writer = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(writer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Thread run = new Thread(() -> Main.run(new String[] {"redact"}, stdin, outStream, errStream, Map.of()));
    run.start();
    writer.write("mail bob@example.com\n".getBytes(StandardCharsets.UTF_8));
    writer.flush(); // and nothing more for now, as tail -f on a quiet log
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (out.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("mail [REDACTED:email]\n", out.toString(StandardCharsets.UTF_8),
        "the first line is out while the pipe stays open");
    writer.close();
    run.join(20_000);
    assertFalse(run.isAlive());
  }

  @Test
  void cleanLinesAndTheirEndingsAreByteIdentical() {
    byte[] input = ("2026-11-22T10:15:33Z INFO started in 812 ms, version 1.2.3\n"
            + "uuid 123e4567-e89b-12d3-a456-426614174000\r\n"
            + "\n"
            + "\r\n"
            + "tab\tand lone \r inside, ünïcödé ✓\n"
            + "last line without an ending")
        .getBytes(StandardCharsets.UTF_8);

    RedactRun run = RedactRun.of(input);

    assertEquals(0, run.exitCode(), run.describe());
    assertArrayEquals(input, run.out());
  }

  @Test
  void oneLineOutPerLineInWithEachEndingKept() {
    RedactRun run = RedactRun.of("a bob@example.com\r\nclean\nc 203.0.113.7");

    assertEquals("a [REDACTED:email]\r\nclean\nc [REDACTED:ip]", run.text());
  }

  @Test
  void readsInAndWritesOutFiles() throws IOException {
    Path in = Files.writeString(dir.resolve("app.log"), "mail bob@example.com\n");
    Path out = dir.resolve("clean/app.log");

    RedactRun run = RedactRun.of(new byte[0], "--in", in.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(0, run.out().length);
    assertEquals("mail [REDACTED:email]\n", Files.readString(out));
  }

  @Test
  void detectorsKeysAndPatternsAreTheAgentOptions() {
    RedactRun run = RedactRun.of(
        "bob@example.com 203.0.113.7 member_code=abc123 employee E-123456\n",
        "--detectors", "email,credential", "--keys", "member_code,vault_ref", "--pattern", "employee-id=E-[0-9]{6}");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("[REDACTED:email] 203.0.113.7 member_code=[REDACTED:credential] employee"
        + " [REDACTED:employee-id]\n", run.text());
  }

  @Test
  void aKeyFileThatIsNoRegularFileIsRefusedSayingSo() {
    RedactRun run = RedactRun.of("x\n", "--style", "hash", "--key-file", "/dev/null");

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(List.of("piiwarden: audit key file /dev/null is not a regular file (a device, a pipe or a"
        + " socket), so it holds no key; pass the key file itself with --key-file K"), run.errLines());
    assertEquals(0, run.out().length);
  }

  /** A trail file given as the key file would hash with its records as the key: refused. */
  @Test
  void aTrailFileAsTheKeyFileIsRefusedSayingToPassTheKeyFile() {
    Path trail = dir.resolve("piiwarden-audit.jsonl");
    try (AuditTrail writer = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + trail)
        .fsync(FsyncPolicy.never()))) {
      writer.record(AuditEvent.of(AuditEventType.AGENT_STARTED).build());
    }

    RedactRun run = RedactRun.of("bob@example.com\n", "--style", "hash", "--key-file", trail.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(List.of("piiwarden: --key-file " + trail + " is an audit trail file (it holds audit records),"
        + " not an audit key file; pass the key file the trail was written with, e.g. piiwarden-audit.key"
        + " beside the trail, with --key-file K"), run.errLines());
    assertEquals(0, run.out().length);
  }

  /** Two --pattern options of one TYPE both apply, and count as that type. */
  @Test
  void patternsOfOneTypeAllApply() {
    RedactRun run = RedactRun.of("emp E-12345 and X777 (?i) e-1\n", "--pattern", "emp=E-[0-9]+",
        "--pattern", "emp=X[0-9]+", "--pattern", "other=\\(\\?i\\)", "--stats");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("emp [REDACTED:emp] and [REDACTED:emp] [REDACTED:other] e-1\n", run.text());
    assertTrue(run.errLines().contains("emp         2"), run.err());
  }

  /** The values the agent's piiwarden.redaction.detectors refuses, refused alike (exit 2, nothing written). */
  @ParameterizedTest(name = "--detectors \"{0}\"")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", ",", "email,", "EMAIL", "all,email", "fax"})
  void detectorValuesTheAgentRefusesAreRefused(String value) {
    RedactRun run = RedactRun.of("bob@example.com\n", "--detectors", value);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.errLines().size(), run.describe());
    assertTrue(run.err().startsWith("piiwarden: --detectors: "), run.err());
    assertTrue(run.err().contains("; pass all, or a comma-separated list of email, phone,"), run.err());
    assertEquals(0, run.out().length, "nothing written");
  }

  /** The values the agent takes, with the agent's meaning: "all" is every detector. */
  @ParameterizedTest(name = "--detectors \"{0}\"")
  @CsvSource(delimiter = '|', value = {
    "all|[REDACTED:email] [REDACTED:ip] password=[REDACTED:credential]",
    "' all '|[REDACTED:email] [REDACTED:ip] password=[REDACTED:credential]",
    "email, ip|[REDACTED:email] [REDACTED:ip] password=hunter2",
    "credential|bob@example.com 203.0.113.7 password=[REDACTED:credential]",
  })
  void detectorValuesTheAgentTakesMeanTheSame(String value, String expected) {
    RedactRun run = RedactRun.of("bob@example.com 203.0.113.7 password=hunter2\n", "--detectors", value);

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals(expected + "\n", run.text());
  }

  @Test
  void hashStyleIsStableAcrossRunsWithOneKeyFile() throws IOException {
    Path key = keyFile("piiwarden-audit.key");
    String input = "a bob@example.com\nb BOB@example.com\n";

    RedactRun first = RedactRun.of(input, "--style", "hash", "--key-file", key.toString());
    RedactRun second = RedactRun.of(input, "--style", "hash", "--key-file", key.toString());
    RedactRun otherKey =
        RedactRun.of(input, "--style", "hash", "--key-file", keyFile("other.key").toString());

    assertEquals(0, first.exitCode(), first.describe());
    Matcher tokens = Pattern.compile("a (\\[email:[0-9a-f]{16}])\nb (\\[email:[0-9a-f]{16}])\n")
        .matcher(first.text());
    assertTrue(tokens.matches(), first.text());
    assertEquals(tokens.group(1), tokens.group(2), "one value, one token (emails lower-cased)");
    assertEquals(first.text(), second.text());
    assertFalse(otherKey.text().contains(tokens.group(1)), otherKey.text());
  }

  @Test
  void hashStyleWithoutAKeyFileIsRefused() {
    Path missing = dir.resolve("none.key");

    RedactRun run = RedactRun.of("x\n", "--style", "hash", "--key-file", missing.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.errLines().size(), run.describe());
    assertTrue(run.err().startsWith("piiwarden: --style hash needs the audit key file and "
        + missing + " does not exist; "), run.err());
    assertEquals(0, run.out().length);
  }

  @Test
  void aKeyFileOpenToOthersIsRefusedWithTheFix() throws IOException {
    Path key = keyFile("open.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    RedactRun run = RedactRun.of("x\n", "--style", "hash", "--key-file", key.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.errLines().size(), run.describe());
    assertTrue(run.err().contains("chmod 600"), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--pattern|id=E-(?=1)|piiwarden: --pattern id=E-(?=1): ",
        "--pattern|E-[0-9]+|piiwarden: --pattern E-[0-9]+: no TYPE= before the pattern; ",
        "--pattern|alice@example.com|piiwarden: --pattern [REDACTED:email]: no TYPE= before the pattern; ",
        "--pattern|vip=alice@example\\.com(?=x)|piiwarden: --pattern vip=[REDACTED:email](?=x): ",
        "--pattern|Bad Type=x|piiwarden: --pattern Bad Type=x: ",
        "--pattern|digits=\\d*|piiwarden: --pattern digits=\\d*: Redaction pattern 'digits' also matches empty text",
        "--detectors|email,fax|piiwarden: --detectors: 'fax' is not a detector; pass all, or ",
        "--keys|session id|piiwarden: --keys: key name 'session id' may hold only ",
        "--keys|kim@example.com|piiwarden: --keys: key name '[REDACTED:email]' may hold only ",
        "--detectors|email,4111111111111111|piiwarden: --detectors: '[REDACTED:card]' is not a detector; ",
        "--style|kim@example.com|piiwarden: Invalid value for option '--style': expected one of mask, hash but was '[REDACTED:email]'",
        "--style|blur|piiwarden: Invalid value for option '--style': expected one of mask, hash",
      })
  void badOptionsAreExit2WithOneLineNamingThem(String option, String value, String start) {
    RedactRun run = RedactRun.of("bob@example.com\n", option, value);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.errLines().size(), run.describe());
    assertTrue(run.err().startsWith(start), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals(0, run.out().length, "nothing written before the options are checked");
  }

  @Test
  void aMissingInFileIsExit2WithOneLine() {
    Path missing = dir.resolve("missing.log");

    RedactRun run = RedactRun.of(new byte[0], "--in", missing.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(1, run.errLines().size(), run.describe());
    assertEquals(List.of("piiwarden: cannot read " + missing + " (no such file); pass an --in file that exists"
        + " and is readable"), run.errLines());
  }

  /** A path is shown with the file or folder names shaped like personal data masked, as the agent shows it. */
  @Test
  void aFileNamedAfterAPersonIsShownMasked() {
    Path missing = dir.resolve("jane.doe@example.com.log");

    RedactRun run = RedactRun.of(new byte[0], "--in", missing.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(List.of("piiwarden: cannot read " + dir + "/[REDACTED:email].log (no such file); pass an --in"
        + " file that exists and is readable"), run.errLines());
  }

  @Test
  void theInFileIsNeverTheOutFile() throws IOException {
    Path log = Files.writeString(dir.resolve("app.log"), "bob@example.com\n");

    RedactRun run = RedactRun.of(new byte[0], "--in", log.toString(), "--out", log.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals("bob@example.com\n", Files.readString(log));
  }

  @Test
  void aStdoutThatFailsStopsTheRunWithOneLine() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(broken, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Main.run(new String[] {"redact"},
          new ByteArrayInputStream("bob@example.com\n".getBytes(StandardCharsets.UTF_8)), out, errStream,
          Map.of());
    }

    assertEquals(2, exitCode);
    assertEquals("piiwarden: cannot write stdout (the stream was closed or the device is full); pass an"
        + " --out path in a writable folder\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void malformedUtf8BecomesTheReplacementCharacterAndTheRestIsRedacted() {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("latin-1 caf".getBytes(StandardCharsets.US_ASCII));
    input.write(0xE9); // é in ISO-8859-1, not UTF-8
    input.writeBytes(" bob@example.com\n".getBytes(StandardCharsets.US_ASCII));
    input.write(0xFF);
    input.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));

    RedactRun run = RedactRun.of(input.toByteArray());

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("latin-1 caf\uFFFD [REDACTED:email]\n\uFFFD\n", run.text());
  }

  /** What iconv -t UTF-16 (a mark, then little-endian), UTF-16BE, UTF-16LE and UTF-32 make of text. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "UTF-16|UTF-16|it starts with a UTF-16 byte-order mark",
    "UTF-16BE|UTF-16|it has NUL bytes between its characters",
    "UTF-16LE|UTF-16|it has NUL bytes between its characters",
    "UTF-32|UTF-32|it starts with a UTF-32 byte-order mark",
    "UTF-32LE|UTF-32|it has NUL bytes between its characters",
  })
  void utf16AndUtf32AreRefusedWithHowToConvert(String charset, String encoding, String evidence) {
    byte[] input = "login bob@example.com\nnext line\n".getBytes(java.nio.charset.Charset.forName(
        charset.equals("UTF-16") ? "UTF-16LE" : charset));
    if (charset.equals("UTF-16")) {
      input = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, input);
    }
    if (charset.equals("UTF-32")) {
      input = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
          "login bob@example.com\n".getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
    }

    RedactRun run = RedactRun.of(input);

    assertEquals(2, run.exitCode(), run.describe());
    assertEquals(List.of("piiwarden: stdin is " + encoding + " text (" + evidence + "), which read as UTF-8"
        + " would hide personal data from the detectors; convert it to UTF-8 first, e.g. iconv -f "
        + encoding + " -t UTF-8 | piiwarden redact"), run.errLines());
    assertEquals(0, run.out().length, "nothing written");
  }

  @Test
  void aUtf16InFileIsRefusedBeforeTheOutFileIsMade() throws IOException {
    Path in = Files.write(dir.resolve("export.txt"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
        "bob@example.com\n".getBytes(StandardCharsets.UTF_16BE)));
    Path out = dir.resolve("redacted/export.txt");

    RedactRun run = RedactRun.of(new byte[0], "--in", in.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("e.g. iconv -f UTF-16 -t UTF-8 " + in + " | piiwarden redact"), run.err());
    assertFalse(Files.exists(out.getParent()), "nothing created");
  }

  /** UTF-8 with NULs here and there, and a line of one character, are not taken for UTF-16. */
  @Test
  void utf8WithSomeNulBytesIsNotRefused() {
    RedactRun run = RedactRun.of("a\nrow\0with\0nul bob@example.com\n");

    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("a\nrow\0with\0nul [REDACTED:email]\n", run.text());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void statsGoToStderrOnlyWhenAsked() {
    String input = "bob@example.com and eve@example.org\npassword=x\nclean\n";

    RedactRun quiet = RedactRun.of(input);
    RedactRun counted = RedactRun.of(input, "--stats");

    assertEquals("", quiet.err());
    assertEquals(quiet.text(), counted.text());
    assertEquals(0, counted.exitCode(), counted.describe());
    assertEquals("3 lines", counted.errLines().get(0));
    assertTrue(counted.errLines().contains("email       2"), counted.err());
    assertTrue(counted.errLines().contains("credential  1"), counted.err());
    assertTrue(counted.errLines().contains("total       3"), counted.err());
  }

  @Test
  void aFiveMegabyteLineIsRedactedInOnePiece() {
    StringBuilder line = new StringBuilder(5 * 1024 * 1024 + 64);
    line.append("start bob@example.com ");
    while (line.length() < 5 * 1024 * 1024) {
      line.append("lorem ipsum 0123456789 dolor sit amet ");
    }
    line.append("end 203.0.113.7");

    RedactRun run = RedactRun.of(line + "\n", "--stats");

    assertEquals(0, run.exitCode(), run::err);
    String out = run.text();
    assertTrue(out.startsWith("start [REDACTED:email] lorem"), out.substring(0, 80));
    assertTrue(out.endsWith("end [REDACTED:ip]\n"), out.substring(out.length() - 80));
    assertEquals(1, out.chars().filter(c -> c == '\n').count());
    assertEquals("1 line", run.errLines().get(0));
  }

  private Path keyFile(String name) throws IOException {
    Path key = dir.resolve(name);
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    Files.write(key, bytes);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    return key;
  }
}

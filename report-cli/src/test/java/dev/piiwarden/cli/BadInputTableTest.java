package dev.piiwarden.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every command, one row each: the exit code SPEC §8 gives (2 for bad input, 1 for a
 * damaged audit trail), one line naming the input and what to do, no stack trace, no personal
 * data from the input in any message, and every file in the folder as it was before the run.
 * Each input holds {@value #PERSONAL}, so a message that quotes the input shows up.
 */
class BadInputTableTest {
  /** Planted in the inputs: it must never come back in a message. */
  static final String PERSONAL = "alice.smith@example.com";

  /** 50 MB on one line without a newline. */
  static final int HUGE = 50_000_000;

  @TempDir Path dir;

  /**
   * One bad input.
   *
   * @param name what the row is about
   * @param setup writes the inputs into the folder and gives the arguments
   * @param exitCode the expected exit code
   * @param says text the one line must contain; {@code {dir}} stands for the folder
   */
  record Row(String name, Setup setup, int exitCode, String... says) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Setup {
    String[] args(Path dir) throws IOException;
  }

  static Stream<Row> rows() {
    return Stream.of(
        // taxonomy extensions, through the consent command that takes one
        new Row("taxonomy: truncated JSON", dir -> consentWith(dir,
            write(dir, "taxonomy.json", "{\"categories\": [{\"key\": \"user.badge\", \"name\": \"" + PERSONAL)),
            2, "{dir}/taxonomy.json: not valid JSON at line 1", "; fix the taxonomy extension file"),
        new Row("taxonomy: an unquoted value", dir -> consentWith(dir,
            write(dir, "taxonomy.json", "{\"categories\": [{\"key\": \"user.badge\", \"name\": " + PERSONAL + "}]}")),
            2, "{dir}/taxonomy.json: not valid JSON at line 1, column", "(Unrecognized token: was expecting"),
        new Row("taxonomy: an unknown field", dir -> consentWith(dir,
            write(dir, "taxonomy.json", "{\"categories\": [{\"key\": \"user.badge\", \"owner\": \"" + PERSONAL + "\"}]}")),
            2, "{dir}/taxonomy.json: categories[0]: unknown field \"owner\"; allowed are description, key,"),
        new Row("taxonomy: an e-mail address as a key", dir -> consentWith(dir,
            write(dir, "taxonomy.json", "{\"categories\": [{\"key\": \"" + PERSONAL + "\"}]}")),
            2, "{dir}/taxonomy.json: categories[0]: \"key\" must be a dotted lower-case key"),
        new Row("taxonomy: an e-mail address as a parent", dir -> consentWith(dir,
            write(dir, "taxonomy.json", "{\"categories\": [{\"key\": \"user.badge\", \"parent\": \"" + PERSONAL
                + "\"}]}")),
            2, "{dir}/taxonomy.json: categories[0]: its \"parent\" is not a known category"),
        new Row("taxonomy: an empty file", dir -> consentWith(dir, write(dir, "taxonomy.json", "")),
            2, "{dir}/taxonomy.json: a taxonomy extension must be a JSON object"),
        new Row("taxonomy: binary", dir -> consentWith(dir, binary(dir, "taxonomy.json", 4096)),
            2, "{dir}/taxonomy.json: not valid JSON at line 1"),
        new Row("taxonomy: a folder", dir -> consentWith(dir, Files.createDirectories(dir.resolve("taxonomy"))),
            2, "{dir}/taxonomy: cannot read the taxonomy extension file (it is a folder); pass a readable"),
        new Row("taxonomy: missing", dir -> consentWith(dir, dir.resolve("taxonomy.json")),
            2, "{dir}/taxonomy.json: taxonomy extension file not found"),

        // policies
        new Row("policy: truncated JSON", dir -> check(dir,
            write(dir, "policy.json", "{\"rules\": [{\"id\": \"" + PERSONAL)),
            2, "--policy {dir}/policy.json: not valid JSON at line 1"),
        new Row("policy: an unquoted value", dir -> check(dir,
            write(dir, "policy.json", "{\"rules\": [{\"id\": " + PERSONAL + "}]}")),
            2, "--policy {dir}/policy.json: not valid JSON at line 1, column", "(Unrecognized token:"),
        new Row("policy: malformed YAML", dir -> check(dir,
            write(dir, "policy.yaml", "rules:\n  - id: r\n    sinks: [LOG, \"" + PERSONAL + "\n")),
            2, "--policy {dir}/policy.yaml: not valid YAML at line"),
        new Row("policy: binary YAML", dir -> check(dir, binary(dir, "policy.yaml", 4096)),
            2, "--policy {dir}/policy.yaml: not valid YAML at line 1", "; fix the file"),
        new Row("policy: an unknown rule type", dir -> check(dir,
            write(dir, "policy.yaml", "rules:\n  - id: r\n    type: deny-sinks\n    sinks: [LOG]\n")),
            2, "--policy {dir}/policy.yaml: rules[0]: type is unknown; did you mean"
                + " 'deny-sink'?; pass one of deny-sink,"),
        new Row("policy: an e-mail address as the level", dir -> check(dir, write(dir, "policy.yaml",
            "rules:\n  - id: r\n    type: deny-sink\n    level: " + PERSONAL + "\n    categories: [user]\n"
                + "    sinks: [LOG]\n")),
            2, "--policy {dir}/policy.yaml: rules[0]: level is unknown; pass one of error, warning, note"),
        new Row("policy: an e-mail address among the categories", dir -> check(dir, write(dir, "policy.yaml",
            "rules:\n  - id: " + PERSONAL + "\n    type: deny-sink\n    categories: [user, " + PERSONAL + "]\n"
                + "    sinks: [LOG]\n")),
            2, "--policy {dir}/policy.yaml: rules[0]: categories[1] is not a category of the taxonomy;"),
        new Row("policy: an e-mail address among the bases", dir -> check(dir, write(dir, "policy.yaml",
            "rules:\n  - id: r\n    type: require-basis\n    categories: [user]\n    bases: [CONSENT, "
                + PERSONAL + "]\n")),
            2, "--policy {dir}/policy.yaml: rules[0]: bases[1] is unknown; pass one of UNSPECIFIED,"),
        new Row("policy: an e-mail address as a field name", dir -> check(dir, write(dir, "policy.yaml",
            "rules:\n  - id: r\n    type: require-retention\n    categories: [user]\n    " + PERSONAL + ": x\n")),
            2, "--policy {dir}/policy.yaml: rules[0]: unknown field (a name that is not an identifier)"),
        new Row("policy: a folder", dir -> check(dir, Files.createDirectories(dir.resolve("policy"))),
            2, "--policy {dir}/policy: cannot be read (Is a directory); pass a JSON or YAML file"),

        // inventories and fragments
        new Row("inventory: binary", dir -> args("inventory", binary(dir, "inventory.json", 4096)),
            2, "{dir}/inventory.json: not valid JSON at line 1"),
        new Row("inventory: an unquoted value", dir -> args("inventory",
            write(dir, "inventory.json", "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [" + PERSONAL)),
            2, "{dir}/inventory.json: not valid JSON at line 1, column", "(expected a value)"),
        new Row("inventory: truncated in a string", dir -> args("inventory", write(dir, "inventory.json",
            truncated(InventoryJson.write(FragmentFixtures.mergedOfAll()), "\"com.acme.User#email\""))),
            2, "{dir}/inventory.json: not valid JSON at line"),
        new Row("inventory: an empty fragment in a class folder", dir -> {
          Path classes = FragmentFixtures.classFolder(dir);
          Path fragment = FragmentFixtures.fragmentPath(classes, "com.acme.Empty");
          Files.write(fragment, new byte[0]);
          return args("inventory", classes);
        }, 2, "{dir}/classes/META-INF/piiwarden/types/com.acme.Empty.json: not a PII Warden"),
        new Row("inventory: a binary fragment in a class folder", dir -> {
          Path classes = FragmentFixtures.classFolder(dir);
          Files.write(FragmentFixtures.fragmentPath(classes, "com.acme.Noise"), noise(4096));
          return args("inventory", classes);
        }, 2, "{dir}/classes/META-INF/piiwarden/types/com.acme.Noise.json: not valid JSON"),
        new Row("inventory: 50 MB on one line", dir -> args("inventory", huge(dir, "inventory.json",
            "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [\"", PERSONAL)),
            2, "{dir}/inventory.json: not valid JSON at line 1, column", "(a string longer than 20000000 characters)"),
        new Row("inventory: an e-mail address as an element's kind", dir -> args("inventory",
            element(dir, "\"kind\": \"" + PERSONAL.toUpperCase(java.util.Locale.ROOT) + "\"")),
            2, "{dir}/inventory.json: bad value at dataElements[0].kind, expected one of FIELD, METHOD,"),
        new Row("inventory: an e-mail address as an element's basis", dir -> args("inventory",
            element(dir, "\"basis\": \"" + PERSONAL + "\"")),
            2, "{dir}/inventory.json: bad value at dataElements[0].basis, expected one of UNSPECIFIED,"),
        new Row("check: an e-mail address as a source line", dir -> args("check",
            element(dir, "\"source\": {\"file\": \"A.java\", \"line\": \"" + PERSONAL + "\"}")),
            2, "{dir}/inventory.json: bad value at dataElements[0].source.line, expected a whole number"),
        new Row("diff: an e-mail address as the schema", dir -> args("diff", FragmentFixtures.jar(dir),
            write(dir, "next.json", "{\"schema\": \"" + PERSONAL + "\"}")),
            2, "{dir}/next.json: its \"schema\" is not one this version reads, which is"),
        new Row("inventory: a null element", dir -> args("inventory", write(dir, "inventory.json",
            "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [null], \"activities\": [], \"flows\": []}")),
            2, "{dir}/inventory.json: null entry at dataElements[0], expected an object"),
        new Row("diff: a binary inventory", dir -> args("diff",
            FragmentFixtures.jar(dir), binary(dir, "next.json", 4096)),
            2, "{dir}/next.json: not valid JSON"),

        // audit trails
        new Row("audit verify: an empty file", dir -> verify(dir, write(dir, "piiwarden-audit.jsonl", "")),
            2, "audit file {dir}/piiwarden-audit.jsonl is empty; pass the trail's files"),
        new Row("audit verify: binary", dir -> verify(dir, binary(dir, "piiwarden-audit.jsonl", 65536)),
            2, "audit file {dir}/piiwarden-audit.jsonl holds no audit record (it is not a trail"),
        new Row("audit verify: only garbage lines", dir -> verify(dir, write(dir, "piiwarden-audit.jsonl",
            "login " + PERSONAL + "\n{\"v\":1,\"seq\":\"" + PERSONAL + "\"}\n")),
            2, "audit file {dir}/piiwarden-audit.jsonl holds no audit record"),
        new Row("audit verify: 50 MB on one line", dir -> verify(dir, huge(dir, "piiwarden-audit.jsonl",
            "{\"v\":1,\"seq\":1,\"ts\":\"", PERSONAL)),
            2, "audit file {dir}/piiwarden-audit.jsonl holds no audit record"),
        new Row("audit verify: a folder", dir -> verify(dir, Files.createDirectories(dir.resolve("audit"))),
            2, "audit file {dir}/audit is a folder; pass the trail's files"),
        new Row("audit verify: garbage lines among records", dir -> {
          Path trail = trail(dir, 4);
          List<String> lines = new ArrayList<>(Files.readAllLines(trail));
          lines.add(2, "login " + PERSONAL);
          Files.write(trail, lines);
          return verify(dir, trail);
        }, 1, "{dir}/piiwarden-audit.jsonl:3: not a record: the line is not an audit record"),
        new Row("audit verify: a torn last record", dir -> {
          Path trail = trail(dir, 4);
          byte[] bytes = Files.readAllBytes(trail);
          Files.write(trail, Arrays.copyOf(bytes, bytes.length - 40)); // the kill cut the last line
          return verify(dir, trail);
        }, 1, "{dir}/piiwarden-audit.jsonl:4: truncated: the trail ends in a torn record",
            "the records up to seq 3 verify"),
        new Row("audit query: binary", dir -> args("audit", "query", "--subject", "u-1",
            binary(dir, "piiwarden-audit.jsonl", 4096), "--key-file", key(dir)),
            2, "audit file {dir}/piiwarden-audit.jsonl holds no audit record"),
        new Row("audit verify: a key file that is a folder", dir -> args("audit", "verify",
            trail(dir, 2), "--key-file", Files.createDirectories(dir.resolve("keys"))),
            2, "audit key file {dir}/keys is a folder; pass the path of the key file itself, e.g."
                + " {dir}/keys/piiwarden-audit.key"),
        new Row("audit verify: a key file that is a folder of mode 0700", dir -> args("audit", "verify",
            trail(dir, 2), "--key-file", Files.createDirectories(dir.resolve("keys"),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")))),
            2, "audit key file {dir}/keys is a folder; pass the path of the key file itself"),

        // redact
        new Row("redact: --in a folder", dir -> args("redact", "--in",
            Files.createDirectories(dir.resolve("logs")), "--out", dir.resolve("out/redacted.log")),
            2, "cannot read {dir}/logs (it is a folder); pass an --in file that exists and is readable"),
        new Row("redact: --out a folder", dir -> args("redact", "--in", write(dir, "app.log",
            "login " + PERSONAL + "\n"), "--out", Files.createDirectories(dir.resolve("out"))),
            2, "cannot write {dir}/out"),

        // consent stores
        new Row("consent: a file store that is a folder", dir -> args("consent", "grant", "--store",
            "file:" + Files.createDirectories(dir.resolve("ledger")), "--subject", PERSONAL,
            "--purpose", "marketing", "--source", "test"),
            2, "consent store file:{dir}/ledger is a folder, not a file; name the ledger file, for example"
                + " file:{dir}/ledger/consent.jsonl"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void oneLineNamingTheInputNothingChanged(Row row) throws IOException {
    String[] args = row.setup().args(dir);
    Map<Path, byte[]> before = snapshot(dir);

    CliResult result = CliRun.run(args);

    assertEquals(row.exitCode(), result.exitCode(), result.describe());
    String line = row.exitCode() == 2 ? oneLine(result.err(), result) : oneLine(result.out(), result);
    if (row.exitCode() == 2) {
      assertEquals("", result.out(), result.describe());
      assertTrue(line.startsWith("piiwarden: "), line);
      assertTrue(line.contains("; "), "says what to do after '; ': " + line);
    } else {
      assertEquals("", result.err(), result.describe());
    }
    for (String expected : row.says()) {
      String text = expected.replace("{dir}", dir.toString());
      assertTrue(line.contains(text), "expected <" + text + "> in\n" + line);
    }
    assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains("alice"), "no input quoted: " + line);
    assertFalse(line.contains("\tat ") || line.contains("Exception"), "no stack trace: " + line);
    assertUnchanged(before, snapshot(dir));
  }

  /** chmod 000 keeps only other users out: root reads anything, so these rows need a non-root run. */
  @ParameterizedTest(name = "unreadable: {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"redact", "audit verify", "check --policy", "--taxonomy"})
  void anUnreadableFileIsOneLine(String command) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
        "root can read a file of mode 000");
    Path file = write(dir, "input.json", "{\"note\": \"" + PERSONAL + "\"}\n");
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
    String[] args = switch (command) {
      case "redact" -> args("redact", "--in", file, "--out", dir.resolve("out.log"));
      case "audit verify" -> verify(dir, file);
      case "check --policy" -> check(dir, file);
      default -> consentWith(dir, file);
    };
    Map<Path, byte[]> before = snapshotReadable(dir);
    CliResult result = CliRun.run(args);
    assertEquals(2, result.exitCode(), result.describe());
    String line = oneLine(result.err(), result);
    assertTrue(line.contains(file.toString()), line);
    assertTrue(line.contains("; "), line);
    assertFalse(line.contains("alice"), line);
    assertEquals(before.keySet(), snapshotReadable(dir).keySet(), "no file created");
  }

  /** Binary and Latin-1 input: every line comes out, malformed bytes as U+FFFD, none dropped. */
  @org.junit.jupiter.api.Test
  void redactKeepsEveryLineOfBinaryInput() throws IOException {
    byte[] noise = noise(1 << 20);
    long lines = 0;
    for (byte b : noise) {
      if (b == '\n') {
        lines++;
      }
    }
    Path in = Files.write(dir.resolve("dump.bin"), noise);
    Path out = dir.resolve("dump.redacted");

    CliResult result = CliRun.run("redact", "--in", in.toString(), "--out", out.toString());

    assertEquals(0, result.exitCode(), result.describe());
    String redacted = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(lines, redacted.chars().filter(c -> c == '\n').count(), "one line out per line in");
    assertTrue(redacted.indexOf('\uFFFD') >= 0);
    assertArrayEquals(noise, Files.readAllBytes(in), "input unchanged");
  }

  /** 50 MB on one line: streamed through, one line out, the personal data in it masked. */
  @org.junit.jupiter.api.Test
  void redactTakesA50MegabyteLine() throws IOException {
    Path in = huge(dir, "one-line.json", "{\"log\": \"", PERSONAL);
    Path out = dir.resolve("one-line.redacted");

    CliResult result = CliRun.run("redact", "--in", in.toString(), "--out", out.toString(), "--stats");

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.err().startsWith("1 line\n"), result.err());
    String redacted = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(-1, redacted.indexOf('\n'));
    assertFalse(redacted.contains("alice"));
    assertTrue(redacted.startsWith("{\"log\": \"lorem ipsum [REDACTED:email] lorem ipsum"),
        redacted.substring(0, 80));
  }

  /**
   * A line too long for the heap, in a JVM with a small one: one line saying to raise the heap,
   * exit 2, not an OutOfMemoryError's stack trace.
   */
  @ParameterizedTest(name = "small heap: {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"redact", "audit verify"})
  void aLineTooLongForTheHeapIsOneLine(String command) throws Exception {
    Path in = huge(dir, "piiwarden-audit.jsonl", "", PERSONAL);
    List<String> cli = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cli.addAll(List.of(command.equals("redact")
        ? args("redact", "--in", in, "--out", dir.resolve("out.log"))
        : verify(dir, in)));
    Process process = new ProcessBuilder(cli).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));

    assertEquals(2, process.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("piiwarden: out of memory: the input needs more than the Java heap's"), err);
    assertTrue(err.contains("run again with a larger heap, e.g. JAVA_OPTS=-Xmx4g"), err);
  }

  private static Map<Path, byte[]> snapshotReadable(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.forEach(path -> files.put(path, new byte[0]));
    }
    return files;
  }

  private static String oneLine(String text, CliResult result) {
    List<String> lines = text.lines().toList();
    assertEquals(1, lines.size(), result.describe());
    return lines.get(0);
  }

  private static void assertUnchanged(Map<Path, byte[]> before, Map<Path, byte[]> after) {
    assertEquals(before.keySet(), after.keySet(), "no file created or removed");
    before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " unchanged"));
  }

  /** Every file under the folder with its bytes (a 50 MB input is kept too: it is compared once). */
  private static Map<Path, byte[]> snapshot(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.toList()) {
        files.put(path, Files.isRegularFile(path) ? Files.readAllBytes(path) : new byte[0]);
      }
    }
    return files;
  }

  static String[] args(Object... parts) {
    return Arrays.stream(parts).map(String::valueOf).toArray(String[]::new);
  }

  static String[] consentWith(Path dir, Path taxonomy) {
    return args("consent", "grant", "--store", "file:" + dir.resolve("consent.jsonl"),
        "--subject", PERSONAL, "--purpose", "marketing", "--source", "test", "--taxonomy", taxonomy);
  }

  static String[] check(Path dir, Path policy) throws IOException {
    Path inventory = write(dir, "inventory.json", InventoryJson.write(FragmentFixtures.mergedOfAll()));
    return args("check", "--policy", policy, inventory);
  }

  static String[] verify(Path dir, Path trail) throws IOException {
    return args("audit", "verify", trail, "--key-file", key(dir));
  }

  static Path key(Path dir) throws IOException {
    Path key = dir.resolve("piiwarden-audit.key");
    if (!Files.exists(key)) {
      Files.write(key, noise(32));
      Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return key;
  }

  /** A trail of {@code events} access events by the real writer, with its key file beside it. */
  static Path trail(Path dir, int events) {
    Path active = dir.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + active)
        .fsync(FsyncPolicy.never()))) {
      for (int i = 0; i < events; i++) {
        trail.record(AuditEvent.of(AuditEventType.ACCESS).actor("svc-" + i)
            .subject(trail.pseudonymizer().pseudonym(PERSONAL))
            .activity("com.acme.Users#fetch(java.lang.String)").build());
      }
    }
    return active;
  }

  /** An inventory of one data element with {@code field} added to its id and category. */
  static Path element(Path dir, String field) throws IOException {
    return write(dir, "inventory.json", "{\"schema\": \"piiwarden-inventory/1\", \"activities\": [], \"flows\": [],"
        + " \"dataElements\": [{\"id\": \"com.acme.User#email\", \"category\": \"user.contact.email\", " + field + "}]}");
  }

    static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static Path binary(Path dir, String name, int length) throws IOException {
    return Files.write(dir.resolve(name), noise(length));
  }

  /** Bytes of every value, invalid UTF-8 included, from a fixed seed. */
  static byte[] noise(int length) {
    byte[] bytes = new byte[length];
    new java.util.Random(42).nextBytes(bytes);
    bytes[0] = (byte) 0xff;
    return bytes;
  }

  /** {@code head}, then 50 MB of text with {@code personal} in it, and no newline. */
  static Path huge(Path dir, String name, String head, String personal) throws IOException {
    Path file = dir.resolve(name);
    byte[] chunk = ("lorem ipsum " + personal + " ").repeat(1000).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < HUGE; written += chunk.length) {
        out.write(chunk);
      }
    }
    return file;
  }

  /** The text cut in the middle of {@code inside}. */
  static String truncated(String text, String inside) {
    int at = text.indexOf(inside);
    assertTrue(at >= 0, inside);
    return text.substring(0, at + inside.length() / 2);
  }
}

package dev.piiwarden.cli.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake is exit 2 with one line on stderr, no stack trace and no subject id. */
class ConsentBadInputTest {
  private static final String SUBJECT = "u-secret-31337";

  @TempDir Path dir;

  private CliResult consent(String... args) {
    List<String> all = new ArrayList<>(List.of("consent"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private String fileStore() {
    return "file:" + dir.resolve("consent.jsonl");
  }

  private static void assertOneLine(CliResult result, String expectedStart) {
    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(1, result.errLines().size(), result.describe());
    assertTrue(result.errLines().get(0).startsWith(expectedStart), result.describe());
    assertFalse(result.err().contains(SUBJECT), "no subject id in: " + result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace");
    assertEquals("", result.out());
  }

  @Test
  void aDatabaseThatIsDownIsOneLineNamingTheStoreWithoutCredentials() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String store = "jdbc:postgresql://127.0.0.1:" + closedPort + "/consent?user=dpo&password=hunter2";

    for (String command : List.of("grant", "withdraw", "list")) {
      List<String> args = new ArrayList<>(List.of(command, "--store", store, "--subject", SUBJECT));
      if (!command.equals("list")) {
        args.addAll(List.of("--purpose", "marketing", "--source", "app"));
      }
      CliResult result = consent(args.toArray(String[]::new));

      assertOneLine(result, "piiwarden: cannot ");
      assertTrue(result.err().contains("jdbc:postgresql://127.0.0.1:" + closedPort + "/consent"), result.err());
      assertTrue(result.err().contains("check that the store is reachable"), result.err());
      assertFalse(result.err().contains("hunter2") || result.err().contains("dpo"), result.err());
    }
  }

  /** Another program's file as the store: refused by all three commands, and left as it was. */
  @Test
  void aFileThatIsNoLedgerIsRefusedAndLeftAsItWas() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\n{\"subject\":\"u-1\"}\n");
    Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-------"));
    byte[] before = Files.readAllBytes(notes);

    for (String command : List.of("grant", "withdraw", "list")) {
      List<String> args = new ArrayList<>(List.of(command, "--store", "file:" + notes, "--subject", SUBJECT));
      if (!command.equals("list")) {
        args.addAll(List.of("--purpose", "marketing", "--source", "app"));
      }
      CliResult result = consent(args.toArray(String[]::new));

      assertOneLine(result, "piiwarden: consent store file:" + notes + " is no consent ledger: its first line"
          + " is no consent record (not JSON)");
      assertEquals(new String(before), Files.readString(notes));
    }
  }

  /**
   * A ledger with a damaged line that no subject's consent can be decided past: grant and withdraw
   * refuse as list does, with its advice, and record nothing.
   */
  @Test
  void aDamagedLedgerTakesNoChangeUntilItIsRepaired() throws IOException {
    assertEquals(0, consent("grant", "--store", fileStore(), "--subject", "u-1", "--purpose", "marketing",
        "--source", "app").exitCode());
    Path ledger = dir.resolve("consent.jsonl");
    Files.writeString(ledger, "garbage line\n", java.nio.file.StandardOpenOption.APPEND);
    String before = Files.readString(ledger);

    String listed = consent("list", "--store", fileStore(), "--subject", SUBJECT).errLines().get(1);
    for (String command : List.of("grant", "withdraw")) {
      CliResult result = consent(command, "--store", fileStore(), "--subject", SUBJECT, "--purpose",
          "marketing", "--source", "app");

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(2, result.errLines().size(), result.describe());
      assertTrue(result.errLines().get(0).contains("line 2 is damaged (not JSON)"), result.describe());
      assertEquals(listed, result.errLines().get(1));
      assertTrue(listed.startsWith("piiwarden: cannot read consent store " + fileStore() + ": line 2 is"
          + " damaged and the subject it is about cannot be read"), listed);
      assertTrue(listed.contains("repair or remove the line"), listed);
      assertFalse(listed.contains("reachable"), "a damaged line is no store out of reach: " + listed);
      assertEquals(before, Files.readString(ledger));
    }
  }

  @Test
  void aLedgerThatGroupOrOthersMayWriteIsRefusedWithTheChmodFixAndNothingIsWritten() throws IOException {
    Path ledger = Files.writeString(dir.resolve("consent.jsonl"), "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-rw-rw-"));

    for (String command : List.of("grant", "withdraw", "list")) {
      List<String> args = new ArrayList<>(List.of(command, "--store", fileStore(), "--subject", SUBJECT));
      if (!command.equals("list")) {
        args.addAll(List.of("--purpose", "marketing", "--source", "app"));
      }
      CliResult result = consent(args.toArray(String[]::new));

      assertOneLine(result, "piiwarden: consent store file:" + ledger + " is writable by group or others"
          + " (mode rw-rw-rw-), so they could record consent in anyone's name; run 'chmod 600 " + ledger
          + "' and check its records");
      assertEquals("", Files.readString(ledger), command);
    }
  }

  @Test
  void valuesShapedLikePersonalDataAreShownMaskedWithoutADidYouMean() {
    CliResult purpose = consent("grant", "--store", fileStore(), "--subject", SUBJECT,
        "--purpose", "jane.doe@example.com", "--source", "app");
    assertOneLine(purpose, "piiwarden: --purpose '[REDACTED:email]' is not a purpose of the taxonomy (it looks"
        + " like an e-mail address, not a purpose key); pass a purpose key");
    assertFalse(purpose.err().contains("did you mean"), purpose.err());

    CliResult expires = consent("grant", "--store", fileStore(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "app", "--expires", "jane.doe@example.com");
    assertOneLine(expires, "piiwarden: ");
    assertTrue(expires.err().contains("'[REDACTED:email]' is neither an ISO-8601 instant"), expires.err());

    CliResult format = consent("list", "--store", fileStore(), "--subject", SUBJECT, "--format", "4111111111111111");
    assertOneLine(format, "piiwarden: ");
    assertTrue(format.err().contains("[REDACTED:card]"), format.err());

    for (CliResult result : List.of(purpose, expires, format)) {
      assertFalse(result.err().contains("jane") || result.err().contains("4111"), result.err());
    }
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "nothing was recorded");
  }

  @Test
  void memoryStoreIsRefused() {
    CliResult result =
        consent("grant", "--store", "memory:", "--subject", SUBJECT, "--purpose", "marketing", "--source", "app");

    assertOneLine(result, "piiwarden: --store memory: keeps consent inside one process");
    assertTrue(result.err().contains("file:<path> or jdbc:<url>"), result.err());
  }

  @Test
  void aPseudonymIsNoSubjectForTheLedgerAndNothingIsWritten() {
    String pseudonym = "hmac:" + "0a59".repeat(16);
    for (String command : List.of("grant", "withdraw")) {
      assertOneLine(
          consent(command, "--store", fileStore(), "--subject", pseudonym, "--purpose", "marketing", "--source", "app"),
          "piiwarden: --subject is a pseudonym (hmac: and 64 hex digits, as the audit trail and"
              + " ConsentDeniedException show a subject), not a subject's id");
    }
    assertOneLine(consent("list", "--store", fileStore(), "--subject", pseudonym), "piiwarden: --subject is a pseudonym");
    assertFalse(Files.exists(dir.resolve("consent.jsonl")));
  }

  @Test
  void unknownStoreScheme() {
    CliResult result = consent("list", "--store", "redis://localhost", "--subject", SUBJECT);

    assertOneLine(result, "piiwarden: --store: unknown store 'redis://localhost'; pass file:<path> or jdbc:<url>");
  }

  @Test
  void aStorePathStartingWithATildeIsRefusedNamingTheFullPath() {
    CliResult result = consent("grant", "--store", "file:~/consent.jsonl", "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "app");

    assertOneLine(result, "piiwarden: --store: '~/consent.jsonl' starts with '~', which is not expanded here"
        + " (a shell expands it only at the start of a word): give the full path, "
        + Path.of(System.getProperty("user.home"), "consent.jsonl"));
    assertFalse(Files.exists(Path.of("~")), "no folder named ~");
  }

  @Test
  void mistypedPurposeSuggestsTheClosestKeyAndWritesNothing() {
    CliResult result =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT,
            "--purpose", "marketing.comunications.email", "--source", "app");

    assertOneLine(
        result,
        "piiwarden: --purpose 'marketing.comunications.email' is not a purpose of the taxonomy"
            + " (did you mean 'marketing.communications.email'?)");
    assertFalse(Files.exists(dir.resolve("consent.jsonl")));
  }

  @Test
  void aPurposeFromATaxonomyExtensionIsAccepted() throws IOException {
    Path extension = dir.resolve("taxonomy.json");
    Files.writeString(
        extension,
        """
        {"purposes": [{"key": "marketing.loyalty", "parent": "marketing", "name": "Loyalty programme",
          "description": "Points and rewards"}]}
        """);

    CliResult without =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing.loyalty", "--source", "app");
    CliResult with =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing.loyalty",
            "--source", "app", "--taxonomy", extension.toString());

    assertOneLine(without, "piiwarden: --purpose 'marketing.loyalty' is not a purpose of the taxonomy");
    assertEquals(0, with.exitCode(), with.describe());
  }

  @Test
  void aTaxonomyFileThatCannotBeReadIsNamed() {
    Path missing = dir.resolve("no-such-taxonomy.json");

    CliResult result =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
            "--source", "app", "--taxonomy", missing.toString());

    assertOneLine(result, "piiwarden: ");
    assertTrue(result.err().contains("no-such-taxonomy.json"), result.err());
    assertFalse(Files.exists(dir.resolve("consent.jsonl")));
  }

  @Test
  void badExpiryValues() {
    CliResult notAValue =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
            "--source", "app", "--expires", "next year");
    CliResult past =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
            "--source", "app", "--expires", "2001-01-01T00:00:00Z");

    assertOneLine(notAValue, "piiwarden: Invalid value for option '--expires': 'next year' is neither");
    assertOneLine(past, "piiwarden: --expires 2001-01-01T00:00:00Z is not in the future");
  }

  @Test
  void missingAndEmptyOptions() {
    assertOneLine(
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing"),
        "piiwarden: Missing required option: '--source=S'");
    assertOneLine(
        consent("grant", "--store", fileStore(), "--subject", " ", "--purpose", "marketing", "--source", "app"),
        "piiwarden: --subject is empty");
    assertOneLine(consent(), "piiwarden: a command is required (grant, withdraw, list, verify)");
    // a misspelt required option is named as what it is, not as the required one missing
    assertOneLine(
        consent("grant", "--store", fileStore(), "--subjct", SUBJECT, "--purpose", "marketing", "--source", "app"),
        "piiwarden: unknown option '--subjct'; did you mean '--subject'?");
  }

  @Test
  void aJdbcDriverThatIsNotAJar() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("driver.jar"), "text");

    CliResult result =
        consent("list", "--store", "jdbc:other:db", "--subject", SUBJECT, "--jdbc-driver", notAJar.toString());

    assertOneLine(result, "piiwarden: --jdbc-driver " + notAJar + ": not a jar");
  }
}

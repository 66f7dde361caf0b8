package dev.piiwarden.cli.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grant, withdraw and list against real stores, read back through core's ledger as the agent does. */
class ConsentCommandTest {
  private static final String SUBJECT = "u-4711";

  @TempDir Path dir;

  private String fileStore() {
    return "file:" + dir.resolve("consent.jsonl");
  }

  private CliResult consent(String... args) {
    List<String> all = new ArrayList<>(List.of("consent"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  @Test
  void grantAndWithdrawAreRecordsThatTheAgentsLedgerReads() {
    CliResult granted =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "paper-form");
    CliResult withdrawn =
        consent(
            "withdraw", "--store", fileStore(), "--subject", SUBJECT,
            "--purpose", "marketing.communications", "--source", "support-ticket-7");

    assertEquals(0, granted.exitCode(), granted.describe());
    assertEquals(0, withdrawn.exitCode(), withdrawn.describe());
    assertTrue(granted.out().startsWith("recorded GRANTED marketing at "), granted.out());
    assertTrue(granted.out().contains("(source paper-form) in file:"), granted.out());
    assertFalse(granted.out().contains(SUBJECT), "no subject id in the confirmation");
    assertEquals("", granted.err() + withdrawn.err());
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(fileStore(), w -> {}), Duration.ZERO)) {
      List<ConsentRecord> history = ledger.history(SUBJECT);
      assertEquals(2, history.size());
      assertEquals(ConsentRecord.State.GRANTED, history.get(0).state());
      assertEquals("paper-form", history.get(0).source());
      assertEquals("marketing.communications", history.get(1).purpose());
      assertEquals(ConsentRecord.State.WITHDRAWN, history.get(1).state());
      assertTrue(ledger.decide(SUBJECT, "marketing.advertising").granted());
      assertEquals(Reason.WITHDRAWN, ledger.decide(SUBJECT, "marketing.communications.email").reason());
    }
  }

  @Test
  void theConfirmationShowsTheSourceRedactedAsTheTrailHasIt() {
    CliResult granted = consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "call with +44 20 7946 0958, kim@example.com");

    assertEquals(0, granted.exitCode(), granted.describe());
    assertTrue(granted.out().contains("(source call with [REDACTED:phone], [REDACTED:email]) in file:"),
        granted.out());
    assertFalse(granted.out().contains("7946") || granted.out().contains("kim@"), granted.out());
  }

  @Test
  void expiresTakesAnInstantOrADurationFromNow() {
    Instant before = Instant.now();
    CliResult byDuration =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "analytics",
            "--source", "app", "--expires", "P30D");
    CliResult byInstant =
        consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
            "--source", "app", "--expires", "2099-01-31T00:00:00Z");

    assertEquals(0, byDuration.exitCode(), byDuration.describe());
    assertEquals(0, byInstant.exitCode(), byInstant.describe());
    assertTrue(byInstant.out().contains("expires 2099-01-31T00:00:00Z"), byInstant.out());
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(fileStore(), w -> {}), Duration.ZERO)) {
      List<ConsentRecord> history = ledger.history(SUBJECT);
      Instant lapses = history.get(0).expires();
      assertFalse(lapses.isBefore(before.plus(Duration.ofDays(30))), lapses.toString());
      assertTrue(lapses.isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(1)), lapses.toString());
      assertEquals(Instant.parse("2099-01-31T00:00:00Z"), history.get(1).expires());
    }
  }

  @Test
  void listShowsTheHistoryAndTheCurrentStatePerPurpose() {
    consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "signup-form");
    consent("withdraw", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing.advertising", "--source", "settings");
    consent("grant", "--store", fileStore(), "--subject", "someone-else", "--purpose", "analytics", "--source", "app");

    CliResult list =
        consent("list", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing.communications.email");

    assertEquals(0, list.exitCode(), list.describe());
    List<String> lines = list.out().lines().toList();
    assertEquals("HISTORY (2)", lines.get(0));
    assertEquals(List.of("TIME", "STATE", "PURPOSE", "SOURCE", "EXPIRES"), List.of(lines.get(1).split("\\s+")));
    assertTrue(lines.get(2).matches("\\S+Z\\s+GRANTED\\s+marketing\\s+signup-form\\s+-"), lines.get(2));
    assertTrue(lines.get(3).matches("\\S+Z\\s+WITHDRAWN\\s+marketing\\.advertising\\s+settings\\s+-"), lines.get(3));
    assertEquals("", lines.get(4));
    assertEquals("CURRENT (3)", lines.get(5));
    assertEquals(
        List.of(
            "PURPOSE                         STATE      UNTIL",
            "marketing                       GRANTED    -",
            "marketing.advertising           WITHDRAWN  -",
            "marketing.communications.email  GRANTED    -"),
        lines.subList(6, 10));
    assertEquals(10, lines.size(), list.out());
  }

  /** A line break or a terminal escape in a source cannot forge a row of the table. */
  @Test
  void aSourceWithControlCharactersStaysOnItsRow() {
    CliResult grant = consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "web-form -\n2026-11-24T15:20:00.000000000Z  WITHDRAWN  marketing  settings\u001b[2K");
    assertEquals(1, grant.out().lines().count(), grant.out());
    assertTrue(grant.out().contains("(source web-form - 2026-11-24T15:20:00.000000000Z WITHDRAWN marketing"
        + " settings\\u001B[2K)"), grant.out());

    CliResult list = consent("list", "--store", fileStore(), "--subject", SUBJECT);

    assertEquals(0, list.exitCode(), list.describe());
    List<String> lines = list.out().lines().toList();
    assertEquals("HISTORY (1)", lines.get(0));
    assertTrue(lines.get(2).matches("\\S+Z\\s+GRANTED\\s+marketing\\s+web-form - 2026-11-24T15:20:00.000000000Z"
        + " WITHDRAWN marketing settings\\\\u001B\\[2K\\s+-"), lines.get(2));
    assertEquals("", lines.get(3));
    assertEquals(List.of("CURRENT (1)", "PURPOSE    STATE    UNTIL", "marketing  GRANTED  -"), lines.subList(4, 7));
    assertEquals(7, lines.size(), list.out());
  }

  @Test
  void listAsJsonForAnAccessRequest() throws Exception {
    consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "signup-form",
        "--expires", "2099-01-01T00:00:00Z");

    CliResult list = consent("list", "--store", fileStore(), "--subject", SUBJECT, "--format", "json");

    assertEquals(0, list.exitCode(), list.describe());
    JsonNode json = new ObjectMapper().readTree(list.out());
    assertEquals(SUBJECT, json.get("subject").asText());
    assertEquals(1, json.get("history").size());
    JsonNode record = json.get("history").get(0);
    assertEquals("GRANTED", record.get("state").asText());
    assertEquals("marketing", record.get("purpose").asText());
    assertEquals("signup-form", record.get("source").asText());
    assertEquals("2099-01-01T00:00:00Z", record.get("expires").asText());
    Instant.parse(record.get("time").asText());
    JsonNode current = json.get("current").get(0);
    assertEquals("marketing", current.get("purpose").asText());
    assertEquals("GRANTED", current.get("state").asText());
    assertTrue(current.get("granted").asBoolean());
    assertEquals("2099-01-01T00:00:00Z", current.get("until").asText());
  }

  @Test
  void listOfAnUnknownSubjectIsEmpty() {
    consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "app");
    CliResult list = consent("list", "--store", fileStore(), "--subject", "nobody", "--format", "json");

    assertEquals(0, list.exitCode(), list.describe());
    assertTrue(list.out().contains("\"history\" : [ ]"), list.out());
  }

  @Test
  void listOfAStoreThatDoesNotExistIsExitTwoAndCreatesNoStore() {
    for (String store : List.of(fileStore(), "jdbc:sqlite:" + dir.resolve("cc.db"))) {
      CliResult list = consent("list", "--store", store, "--subject", "s-0");

      assertEquals(2, list.exitCode(), list.describe());
      assertEquals("", list.out());
      assertEquals(1, list.errLines().size(), list.describe());
      assertTrue(list.errLines().get(0).startsWith("piiwarden: cannot read consent store " + store + ": the "),
          list.describe());
      assertTrue(list.errLines().get(0).endsWith(" does not exist; check the --store URI: list only reads a"
          + " store, a first grant or withdraw creates it"), list.describe());
      assertFalse(list.err().contains("s-0"), list.err());
    }
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "listing creates no store");
    assertFalse(Files.exists(dir.resolve("cc.db")), "listing creates no database");
  }

  @Test
  void listOfASubjectWithADamagedRecordShowsTheDamageNotTheEarlierGrant() throws Exception {
    consent("grant", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "app");
    consent("withdraw", "--store", fileStore(), "--subject", SUBJECT, "--purpose", "marketing", "--source", "app");
    Path file = dir.resolve("consent.jsonl");
    byte[] bytes = Files.readAllBytes(file);
    int second = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf('\n') + 1;
    bytes[second + 25] = (byte) 0xff; // inside "purpose" of the withdrawal
    bytes[second + 26] = (byte) 0xfe;
    Files.write(file, bytes);

    CliResult list = consent("list", "--store", fileStore(), "--subject", SUBJECT);

    assertEquals(2, list.exitCode(), list.describe());
    assertFalse(list.out().contains("GRANTED"), list.describe());
    assertTrue(list.err().contains(": line 2 is damaged (not JSON); the consent of the subject it is about"
        + " cannot be decided until it is repaired"), list.describe());
    assertTrue(list.err().contains("piiwarden: cannot read consent store " + fileStore() + ": line 2, a record"
        + " about this subject, is damaged, so this subject's consent cannot be decided until it is"
        + " repaired; repair or remove the line"), list.describe());
    assertFalse(list.err().contains(SUBJECT), list.describe());
  }

  @Test
  void sqliteStoreThroughTheDriverOnTheClassPath() {
    String store = "jdbc:sqlite:" + dir.resolve("consent.db");

    CliResult granted =
        consent("grant", "--store", store, "--subject", SUBJECT, "--purpose", "marketing", "--source", "app");
    CliResult list = consent("list", "--store", store, "--subject", SUBJECT);

    assertEquals(0, granted.exitCode(), granted.describe());
    assertEquals(0, list.exitCode(), list.describe());
    assertTrue(list.out().contains("CURRENT (1)"), list.out());
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(store, w -> {}), Duration.ZERO)) {
      assertNull(ledger.decide(SUBJECT, "marketing.communications.email").reason());
    }
  }
}

package dev.piiwarden.cli.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.core.audit.AuditAppender;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code consent verify}: a ledger and a trail written by {@code consent grant|withdraw --audit},
 * then edited as a person with write access to the ledger could.
 */
class ConsentVerifyCommandTest {
  private static final String KIM = "kim-4711";
  private static final String LEA = "lea-0815";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path ledger() {
    return dir.resolve("consent.jsonl");
  }

  private Path trail() {
    return dir.resolve("piiwarden-audit.jsonl");
  }

  private static CliResult run(String... args) {
    return CliRun.run(args);
  }

  private void change(String command, String subject, String purpose) {
    CliResult result = run("consent", command, "--store", "file:" + ledger(), "--subject", subject,
        "--purpose", purpose, "--source", "settings", "--audit", "jsonl:" + trail());
    assertEquals(0, result.exitCode(), result.describe());
  }

  /** Kim grants, Lea grants, Kim withdraws: three ledger lines, three consent.changed events. */
  private void history() {
    change("grant", KIM, "marketing");
    change("grant", LEA, "marketing.advertising");
    change("withdraw", KIM, "marketing");
  }

  private CliResult verify(String... extra) {
    List<String> args = new ArrayList<>(List.of("consent", "verify", "--store", "file:" + ledger(),
        trail().toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private String pseudonym(String subject) throws Exception {
    return new Pseudonymizer(AuditKey.load(dir.resolve(AuditKey.DEFAULT_FILE_NAME))).pseudonym(subject);
  }

  private List<String> ledgerLines() throws Exception {
    return Files.readAllLines(ledger());
  }

  private void writeLedger(List<String> lines) throws Exception {
    Files.write(ledger(), lines, StandardCharsets.UTF_8);
  }

  private static String timeOf(String ledgerLine) throws Exception {
    return JSON.readTree(ledgerLine).path("time").asText();
  }

  private List<JsonNode> changes() throws Exception {
    List<JsonNode> changes = new ArrayList<>();
    for (String line : Files.readAllLines(trail())) {
      JsonNode record = JSON.readTree(line);
      if (record.path("type").asText().equals("consent.changed")) {
        changes.add(record);
      }
    }
    return changes;
  }

  private static void assertNoRawId(CliResult result) {
    for (String id : List.of(KIM, LEA)) {
      assertFalse(result.out().contains(id) || result.err().contains(id), result.describe());
    }
  }

  @Test
  void eachGrantAndWithdrawalCarriesTheTimeOfItsLedgerRecord() throws Exception {
    history();

    List<String> ledger = ledgerLines();
    List<JsonNode> changes = changes();
    assertEquals(3, changes.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(timeOf(ledger.get(i)), changes.get(i).path("recorded").asText(),
          changes.get(i).toString());
    }
  }

  @Test
  void aLedgerWrittenThroughAuditedPathsMatchesItsTrail() throws Exception {
    history();

    CliResult result = verify();

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("OK: 3 ledger records of file:" + ledger() + " match 3 consent.changed events of"
        + " the trail (1 file)\n", result.out());
    assertNoRawId(result);
  }

  @Test
  void aDeletedWithdrawalIsNamedAsAnEventNotInTheLedger() throws Exception {
    history();
    List<String> lines = ledgerLines();
    String withdrawal = lines.remove(2);
    writeLedger(lines);

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    String seq = changes().get(2).path("seq").asText();
    long line = Files.readAllLines(trail()).size();
    assertTrue(result.out().contains(trail() + ":" + line + ": seq " + seq + ": " + pseudonym(KIM)
        + " WITHDRAWN marketing recorded " + timeOf(withdrawal)
        + ": in the trail but not in the ledger: removed or edited\n"), result.out());
    assertTrue(result.out().endsWith("FINDINGS: 1 consent.changed event not in the ledger; 2 matched"
        + " between file:" + ledger() + " and the trail (1 file)\n"), result.out());
    assertNoRawId(result);
  }

  @Test
  void aBackDatedGrantIsReportedOnBothSides() throws Exception {
    history();
    List<String> lines = ledgerLines();
    String original = timeOf(lines.get(0));
    String backDated = "2025-01-01T09:00:00Z";
    lines.set(0, lines.get(0).replace(original, backDated));
    writeLedger(lines);

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().contains(ledger() + ":1: " + pseudonym(KIM) + " GRANTED marketing at "
        + backDated + ": not in the trail: made without an audited path, or edited or added by"
        + " hand\n"), result.out());
    assertTrue(result.out().contains(": " + pseudonym(KIM) + " GRANTED marketing recorded "
        + original + ": in the trail but not in the ledger: removed or edited\n"), result.out());
    assertTrue(result.out().contains("FINDINGS: 1 ledger record not in the trail, 1 consent.changed"
        + " event not in the ledger; 2 matched"), result.out());
    assertNoRawId(result);
  }

  /**
   * The last line decides: Kim's grant moved after Kim's withdrawal revives the consent while every
   * line still has its event. The order of Kim's lines is not the order of their events.
   */
  @Test
  void aGrantMovedAfterTheWithdrawalIsOutOfTheTrailsOrder() throws Exception {
    history();
    List<String> lines = ledgerLines();
    writeLedger(List.of(lines.get(1), lines.get(2), lines.get(0)));

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    String granted = changes().get(0).path("seq").asText();
    String withdrawn = changes().get(2).path("seq").asText();
    assertEquals(ledger() + ":2: " + pseudonym(KIM) + " marketing: lines 2, 3 are not in the order"
        + " of their consent.changed events (seq " + withdrawn + ", " + granted + "): the ledger's"
        + " order was changed, and the last line decides, so the ledger now decides GRANTED where the"
        + " trail's order decides WITHDRAWN; put the lines back in the order of their events\n"
        + "FINDINGS: 2 ledger records out of the trail's order; 3 matched between file:" + ledger()
        + " and the trail (1 file)\n", result.out());
    assertNoRawId(result);

    CliResult listed = run("consent", "list", "--store", "file:" + ledger(), "--subject", KIM);
    assertTrue(listed.out().contains("marketing  GRANTED"), "what the ledger now decides: " + listed.describe());
  }

  /** The whole ledger reversed ({@code tac}): only subjects with more than one line are out of order. */
  @Test
  void aReversedLedgerIsOutOfTheTrailsOrderOnlyWhereOrderDecides() throws Exception {
    history();
    List<String> lines = new ArrayList<>(ledgerLines());
    java.util.Collections.reverse(lines);
    writeLedger(lines);

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith(ledger() + ":1: " + pseudonym(KIM) + " marketing: lines 1, 3"
        + " are not in the order"), result.out());
    assertFalse(result.out().contains(pseudonym(LEA)), "Lea's one line is in order: " + result.out());
    assertTrue(result.out().contains("the ledger now decides GRANTED where the trail's order decides"
        + " WITHDRAWN"), result.out());
  }

  @Test
  void aLineAppendedByHandIsNotInTheTrail() throws Exception {
    history();
    Files.writeString(ledger(), "{\"subject\":\"" + LEA + "\",\"purpose\":\"marketing\",\"state\":"
        + "\"GRANTED\",\"time\":\"2026-11-20T10:00:00Z\",\"source\":\"signup\"}\n",
        StandardOpenOption.APPEND);

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().contains(ledger() + ":4: " + pseudonym(LEA) + " GRANTED marketing at"
        + " 2026-11-20T10:00:00Z: not in the trail"), result.out());
    assertTrue(result.out().contains("FINDINGS: 1 ledger record not in the trail; 3 matched"),
        result.out());
    assertNoRawId(result);
  }

  @Test
  void aDamagedLineIsAFindingAndATornWriteANote() throws Exception {
    history();
    List<String> lines = ledgerLines();
    String withdrawal = lines.get(2);
    lines.set(2, withdrawal.substring(0, withdrawal.indexOf(",\"state\"")) + "}");
    lines.add(1, withdrawal.substring(0, 20));
    writeLedger(lines);

    CliResult result = verify();

    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().contains("note: " + ledger() + ":2: cut off (a torn write, which"
        + " confirmed nothing): skipped, as the ledger skips it\n"), result.out());
    assertTrue(result.out().contains(ledger() + ":4: damaged (not a consent record: missing field"
        + " state): no record, so no event can match it"), result.out());
    assertTrue(result.out().contains("FINDINGS: 1 consent.changed event not in the ledger, 1 damaged"
        + " ledger line; 2 matched"), result.out());
    assertNoRawId(result);
  }

  @Test
  void aTrailThatDoesNotVerifyIsReportedAsAuditVerifyReportsIt() throws Exception {
    history();
    List<String> trail = Files.readAllLines(trail());
    int last = trail.size() - 1;
    trail.set(last, trail.get(last).replace("\"WITHDRAWN\"", "\"GRANTED\""));
    Files.write(trail(), trail, StandardCharsets.UTF_8);

    CliResult result = verify();
    CliResult audit = run("audit", "verify", trail().toString());

    assertEquals(1, result.exitCode(), result.describe());
    assertEquals(1, audit.exitCode(), audit.describe());
    assertTrue(audit.out().contains(": edited: "), audit.out());
    assertEquals(audit.out() + "piiwarden: the audit trail does not verify (above), so the ledger was not"
        + " compared with it; run 'piiwarden audit verify' on the same trail to see why\n",
        result.out());
  }

  @Test
  void aKeyThatIsNotTheTrailsIsSaidToBeSo() throws Exception {
    history();
    Path other = dir.resolve("other.key");
    AuditKey.loadOrCreate(other);

    CliResult result = verify("--key-file", other.toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: no record of the trail (1 file) verifies with audit key file "
        + other + ": it is not the trail's key, so the ledger's subjects cannot be pseudonymised as"
        + " the trail's events name them; give the key file the trail was written with, --key-file"
        + " K"), result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void eventsWrittenWithoutRecordedAreMatchedLooselyAndSaidToBe() throws Exception {
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open("file:" + ledger(), w -> { }),
        Duration.ZERO);
        AuditAppender appender = AuditAppender.open(AuditTrailOptions.defaults()
            .sink("jsonl:" + trail()))) {
      ledger.grant(KIM, "marketing", "paper");
      appender.append(ConsentChangeEvents.changed(appender.pseudonymizer(), KIM, "cli",
          "marketing", ConsentChangeEvents.GRANTED, "paper"));
    }
    change("withdraw", KIM, "marketing");

    CliResult result = verify();

    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().startsWith("OK: 2 ledger records of file:" + ledger() + " match 2"
        + " consent.changed events of the trail (1 file); 1 of them loosely (events written without"
        + " recorded: by subject, purpose, state and a time within 5 s of the event's ts)"),
        result.out());
  }

  @Test
  void onlyFileLedgersAreRead() throws Exception {
    history();

    CliResult result = run("consent", "verify", "--store", "jdbc:sqlite:" + dir.resolve("c.db"),
        trail().toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: --store: consent verify reads file: ledgers only, not jdbc:"
        + " stores; pass the file:<path> of the ledger (the agent's piiwarden.consent.store)"),
        result.errLines());
  }

  @Test
  void aMissingLedgerIsBadInput() throws Exception {
    history();
    Files.delete(ledger());

    CliResult result = verify();

    assertEquals(2, result.exitCode(), result.describe());
    assertTrue(result.err().contains("the file does not exist"), result.describe());
  }
}

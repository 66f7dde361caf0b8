package dev.piiwarden.cli.consent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.DriverJars;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code consent grant|withdraw --audit}: the change as {@code consent.changed} in the trail an
 * agent writes, chained after the agent's records, also while the agent is writing it.
 */
class ConsentAuditTest {
  private static final String SUBJECT = "u-4711";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path trail() {
    return dir.resolve("piiwarden-audit.jsonl");
  }

  private String store() {
    return "file:" + dir.resolve("consent.jsonl");
  }

  private CliResult consent(String... args) {
    List<String> all = new ArrayList<>(List.of("consent"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** What an agent writes before the CLI: its start and one decision, through the same writer. */
  private void agentRun(String... types) {
    try (AuditTrail agent = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + trail())
        .fsync(FsyncPolicy.never()).problems(problem -> { throw new AssertionError(problem); }))) {
      for (String type : types) {
        agent.record(AuditEvent.of(type).build());
      }
    }
  }

  private List<JsonNode> records() throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(trail())) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  @Test
  void theFoldersMadeForTheLedgerTheTrailAndTheKeyAreTheirOwnersOnly() throws Exception {
    Path ledger = dir.resolve("l/m/consent.jsonl");
    Path trail = dir.resolve("a/b/piiwarden-audit.jsonl");
    CliResult granted = consent("grant", "--store", "file:" + ledger, "--subject", SUBJECT, "--purpose",
        "marketing", "--source", "app", "--audit", "jsonl:" + trail);

    assertEquals(0, granted.exitCode(), granted.describe());
    for (String made : List.of("l", "l/m", "a", "a/b")) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(made))), made);
    }
    for (Path file : List.of(ledger, trail, trail.resolveSibling(AuditKey.DEFAULT_FILE_NAME))) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
  }

  @Test
  void theJdbcDriverJarsServeAJdbcTrailToo() throws Exception {
    String url = "jdbc:h2:" + dir.resolve("audit").toAbsolutePath();
    CliResult granted = consent("grant", "--store", store(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "app", "--audit", url, "--audit-key-file", dir.resolve("k.key").toString(),
        "--jdbc-driver", DriverJars.h2().toString());

    assertEquals(0, granted.exitCode(), granted.describe());
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {DriverJars.h2().toUri().toURL()});
        var connection = ((java.sql.Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor()
            .newInstance()).connect(url, new java.util.Properties());
        var rows = connection.createStatement().executeQuery("SELECT type FROM piiwarden_audit")) {
      assertTrue(rows.next());
      assertEquals("consent.changed", rows.getString(1));
    }
  }

  @Test
  void personalDataInSourceAndActorIsRedactedInTheTrail() throws Exception {
    CliResult granted = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "email from kim@example.com",
        "--audit", "jsonl:" + trail(), "--actor", "lena.support@example.com");

    assertEquals(0, granted.exitCode(), granted.describe());
    String trailText = Files.readString(trail());
    assertFalse(trailText.contains("kim@example.com"), trailText);
    assertFalse(trailText.contains("lena.support@example.com"), trailText);
    JsonNode change = records().get(records().size() - 1);
    assertEquals("email from [REDACTED:email]", change.path("source").asText(), change.toString());
    assertEquals("[REDACTED:email]", change.path("actor").asText(), change.toString());
  }

  @Test
  void grantAndWithdrawWriteConsentChangedAfterTheAgentsRecordsAndTheTrailVerifies() throws Exception {
    agentRun(AuditEventType.AGENT_STARTED, AuditEventType.AGENT_STOPPED);

    CliResult granted = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "paper-form", "--audit", "jsonl:" + trail());
    CliResult withdrawn = consent("withdraw", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing.communications", "--source", "ticket-7",
        "--audit", "jsonl:" + trail(), "--actor", "dpo-office");
    agentRun(AuditEventType.AGENT_STARTED); // a restarted agent continues after the CLI's records

    assertEquals(0, granted.exitCode(), granted.describe());
    assertEquals(0, withdrawn.exitCode(), withdrawn.describe());
    assertEquals("", granted.err() + withdrawn.err());
    Path key = dir.resolve(AuditKey.DEFAULT_FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
        "the agent's key, beside the trail");
    String pseudonym = new Pseudonymizer(AuditKey.load(key)).pseudonym(SUBJECT);
    List<JsonNode> records = records();
    assertEquals(5, records.size());
    JsonNode grant = records.get(2);
    assertEquals(AuditEventType.CONSENT_CHANGED, grant.get("type").asText());
    assertEquals(3, grant.get("seq").asLong());
    assertEquals(records.get(1).get("hash").asText(), grant.get("prev").asText());
    assertEquals(pseudonym, grant.get("subject").asText());
    assertEquals("cli", grant.get("actor").asText());
    assertEquals("[\"marketing\"]", grant.get("purposes").toString());
    assertEquals("GRANTED", grant.get("state").asText());
    assertEquals("paper-form", grant.get("source").asText());
    JsonNode withdrawal = records.get(3);
    assertEquals(AuditEventType.CONSENT_CHANGED, withdrawal.get("type").asText());
    assertEquals(pseudonym, withdrawal.get("subject").asText());
    assertEquals("dpo-office", withdrawal.get("actor").asText());
    assertEquals("WITHDRAWN", withdrawal.get("state").asText());
    assertEquals("ticket-7", withdrawal.get("source").asText());
    assertEquals(AuditEventType.AGENT_STARTED, records.get(4).get("type").asText());
    assertFalse(Files.readString(trail()).contains(SUBJECT), "no raw subject id in the trail");

    CliResult verified = CliRun.run("audit", "verify", trail().toString());
    assertEquals(0, verified.exitCode(), verified.describe());
    assertTrue(verified.out().startsWith("OK: 5 records in 1 file verify; last seq 5"),
        verified.out());
    CliResult query = CliRun.run("audit", "query", trail().toString(), "--subject", SUBJECT);
    assertEquals(0, query.exitCode(), query.describe());
    assertTrue(query.out().contains("paper-form") && query.out().contains("ticket-7"), query.out());
  }

  @Test
  void aTrailAnAgentIsWritingTakesTheChangeChainedAfterTheAgentsRecords() throws Exception {
    try (AuditTrail agent = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + trail())
        .fsync(FsyncPolicy.everyRecord()).problems(problem -> { throw new AssertionError(problem); }))) {
      agent.record(AuditEvent.of(AuditEventType.AGENT_STARTED).build());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while ((!Files.exists(trail()) || Files.size(trail()) == 0) && System.nanoTime() < deadline) {
        Thread.sleep(10); // until the agent's writer has written its first record
      }

      CliResult result = consent("grant", "--store", store(), "--subject", SUBJECT,
          "--purpose", "marketing", "--source", "paper-form", "--audit", "jsonl:" + trail());

      assertEquals(0, result.exitCode(), result.describe());
      agent.record(AuditEvent.of(AuditEventType.AGENT_STOPPED).build());
    }
    List<JsonNode> records = records();
    assertEquals(List.of("agent.started", "consent.changed", "agent.stopped"),
        records.stream().map(record -> record.get("type").asText()).toList());
    CliResult verified = CliRun.run("audit", "verify", trail().toString());
    assertEquals(0, verified.exitCode(), verified.describe());
  }


  @Test
  void aTrailWithRecordsIsNotContinuedWithAnotherKeyOrWithoutItsKey() throws Exception {
    agentRun(AuditEventType.AGENT_STARTED, AuditEventType.AGENT_STOPPED);
    byte[] before = Files.readAllBytes(trail());
    Path otherKey = dir.resolve("other.key");
    AuditKey.loadOrCreate(otherKey);

    CliResult wrongKey = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "paper-form", "--audit", "jsonl:" + trail(),
        "--audit-key-file", otherKey.toString());
    Files.delete(dir.resolve(AuditKey.DEFAULT_FILE_NAME));
    CliResult noKey = consent("withdraw", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "ticket-7", "--audit", "jsonl:" + trail());

    assertEquals(2, wrongKey.exitCode(), wrongKey.describe());
    assertTrue(wrongKey.err().contains("does not verify with audit key file " + otherKey),
        wrongKey.err());
    assertEquals(2, noKey.exitCode(), noKey.describe());
    assertTrue(noKey.err().contains("does not exist, but audit trail"), noKey.err());
    assertFalse(Files.exists(dir.resolve(AuditKey.DEFAULT_FILE_NAME)), "no new key over the trail");
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "no change recorded");
    assertArrayEquals(before, Files.readAllBytes(trail()), "the trail as it was");
  }

  /** Text in place of the trail's last record is not taken for a torn one: exit 2, nothing recorded. */
  @Test
  void aTrailEndingInBytesNoCrashLeavesIsNotContinued() throws Exception {
    agentRun(AuditEventType.AGENT_STARTED, AuditEventType.AGENT_STOPPED);
    List<String> lines = Files.readAllLines(trail());
    Files.writeString(trail(), lines.get(0) + "\nnothing to see here, ops was here");
    byte[] before = Files.readAllBytes(trail());

    CliResult granted = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "paper-form", "--audit", "jsonl:" + trail());
    CliResult verified = CliRun.run("audit", "verify", trail().toString());

    assertEquals(2, granted.exitCode(), granted.describe());
    assertTrue(granted.err().contains("audit file " + trail() + " ends with 33 bytes after its last"
        + " record (seq 1), from line 2 on, that are neither a whole record nor record seq 2 cut"
        + " short by a crash"),
        granted.err());
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "no change recorded");
    assertArrayEquals(before, Files.readAllBytes(trail()), "the trail as it was");
    assertEquals(1, verified.exitCode(), verified.describe());
    assertTrue(verified.out().contains(":2: not a record:"), verified.describe());
  }

  /** As for a jsonl trail: a jdbc: table with records is continued only with the key it was written with. */
  @Test
  void aJdbcTableWithRecordsIsNotContinuedWithAnotherKeyOrWithoutItsKey() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("audit.db");
    Path key = dir.resolve("agent.key");
    try (AuditTrail agent = AuditTrail.open(AuditTrailOptions.defaults().sink(url).keyFile(key)
        .problems(problem -> { throw new AssertionError(problem); }))) {
      agent.record(AuditEvent.of(AuditEventType.AGENT_STARTED).build());
    }
    Path otherKey = dir.resolve("other.key");
    AuditKey.loadOrCreate(otherKey);

    CliResult wrongKey = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "paper-form", "--audit", url,
        "--audit-key-file", otherKey.toString());
    Files.delete(key);
    CliResult noKey = consent("withdraw", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "ticket-7", "--audit", url,
        "--audit-key-file", key.toString());

    assertEquals(2, wrongKey.exitCode(), wrongKey.describe());
    assertTrue(wrongKey.err().contains("the last record of audit table piiwarden_audit of " + url
        + " (seq 1) does not verify with audit key file " + otherKey), wrongKey.err());
    assertEquals(2, noKey.exitCode(), noKey.describe());
    assertTrue(noKey.err().contains("audit key file " + key + " does not exist, but audit table"
        + " piiwarden_audit of " + url + " holds records"), noKey.err());
    assertFalse(Files.exists(key), "no new key over the table");
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "no change recorded");
    try (var connection = java.sql.DriverManager.getConnection(url);
        var rows = connection.createStatement().executeQuery("SELECT count(*) FROM piiwarden_audit")) {
      assertTrue(rows.next());
      assertEquals(1, rows.getLong(1), "the table as it was");
    }
  }

  /** The trail given as the store by mistake: refused, and the trail still verifies. */
  @Test
  void theTrailIsNoConsentStore() throws Exception {
    agentRun("agent.started", "access");
    byte[] before = Files.readAllBytes(trail());

    for (String command : List.of("grant", "withdraw", "list")) {
      List<String> args = new ArrayList<>(List.of(command, "--store", "file:" + trail(), "--subject", SUBJECT));
      if (!command.equals("list")) {
        args.addAll(List.of("--purpose", "marketing", "--source", "paper"));
      }
      CliResult result = consent(args.toArray(String[]::new));

      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(List.of("piiwarden: consent store file:" + trail() + " is no consent ledger: its first line"
          + " is no consent record (missing field subject), as in another program's file or an audit trail,"
          + " and a consent record appended to it would damage it; pass the ledger's path (the agent's"
          + " piiwarden.consent.store), or a new file to begin a ledger"), result.errLines());
      assertArrayEquals(before, Files.readAllBytes(trail()));
    }
    assertEquals(0, CliRun.run("audit", "verify", trail().toString()).exitCode());
  }

  @Test
  void theStoreAndTheTrailAreNeverOneFile() throws Exception {
    Path same = dir.resolve("same.jsonl");
    CliResult result = consent("grant", "--store", "file:" + same, "--subject", SUBJECT, "--purpose",
        "marketing", "--source", "paper", "--audit", "jsonl:" + same);

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: --store file:" + same + " and --audit jsonl:" + same + " name the same"
        + " file; keep the consent ledger and the audit trail in two files (the agent's"
        + " piiwarden.consent.store and piiwarden.audit.sink), nothing was recorded"), result.errLines());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing created");
    }

    Path ledger = Files.writeString(dir.resolve("consent.jsonl"), "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));
    Path link = Files.createSymbolicLink(dir.resolve("trail.jsonl"), ledger);
    CliResult linked = consent("withdraw", "--store", "file:" + ledger, "--subject", SUBJECT, "--purpose",
        "marketing", "--source", "paper", "--audit", "jsonl:" + link);
    assertEquals(2, linked.exitCode(), linked.describe());
    assertTrue(linked.err().contains("name the same file"), linked.err());
    assertEquals("", Files.readString(ledger));
  }

  @Test
  void anAuditKeyFileThatIsNoRegularFileIsRefusedBeforeAnythingIsWritten() throws Exception {
    CliResult result = consent("grant", "--store", store(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "paper", "--audit", "jsonl:" + trail(), "--audit-key-file", "/dev/null");

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: audit key file /dev/null is not a regular file (a device, a pipe or a"
        + " socket), so it holds no key; pass the key file itself with --audit-key-file K"), result.errLines());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing created");
    }
  }

  /** The trail given as its own key file would have its records read as the key: refused, nothing written. */
  @Test
  void aTrailFileAsTheAuditKeyFileIsRefusedBeforeAnythingIsWritten() throws Exception {
    CliResult first = consent("grant", "--store", store(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "paper", "--audit", "jsonl:" + trail());
    assertEquals(0, first.exitCode(), first.describe());
    String ledger = Files.readString(dir.resolve("consent.jsonl"));
    String records = Files.readString(trail());

    CliResult result = consent("withdraw", "--store", store(), "--subject", SUBJECT, "--purpose", "marketing",
        "--source", "paper", "--audit", "jsonl:" + trail(), "--audit-key-file", trail().toString());

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals(List.of("piiwarden: --audit-key-file " + trail() + " is an audit trail file (it holds audit"
        + " records), not an audit key file; pass the key file the trail was written with, e.g."
        + " piiwarden-audit.key beside the trail, with --audit-key-file K"), result.errLines());
    assertEquals(ledger, Files.readString(dir.resolve("consent.jsonl")), "nothing recorded");
    assertEquals(records, Files.readString(trail()), "nothing written to the trail");
  }

  @Test
  void actorOrKeyFileWithoutAuditIsAUsageError() {
    CliResult result = consent("grant", "--store", store(), "--subject", SUBJECT,
        "--purpose", "marketing", "--source", "paper-form", "--actor", "dpo-office");

    assertEquals(2, result.exitCode(), result.describe());
    assertTrue(result.err().contains("--actor has no effect without --audit"), result.err());
    assertFalse(Files.exists(dir.resolve("consent.jsonl")), "nothing recorded");
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.fixture.AuditFixtureApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import dev.piiwarden.core.redaction.Redactor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM with the agent writes the audit trail of a consent scenario. */
class AuditTrailIT {
  private static final String AWARD = "com.acme.fixture.catalog.Loyalty#award(java.lang.String,"
      + "com.acme.fixture.catalog.Member,java.lang.String)";
  private static final String ACCOUNTS = "com.acme.fixture.catalog.Accounts#";
  private static final String ERASE = ACCOUNTS + "erase(java.lang.String)";
  private static final String LOOKUP = ACCOUNTS + "lookup(java.lang.String,long)";
  private static final String NO_SUCH_ACCOUNT = "com.acme.fixture.catalog.Accounts$NoSuchAccount";
  private static final List<String> CATEGORIES =
      List.of("user.contact.email", "user.contact.phone_number");

  @TempDir Path folder;

  @Test
  void theScenarioGivesTheExpectedEventsInOrderAndTheChainVerifies() throws Exception {
    Path trail = folder.resolve("audit/piiwarden-audit.jsonl");
    Path ledger = folder.resolve("consent.jsonl");
    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",consent.store=file:" + ledger);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    Path keyFile = folder.resolve("audit/piiwarden-audit.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    AuditKey key = AuditKey.load(keyFile);
    String subject = new Pseudonymizer(key).pseudonym("u-42");
    assertEquals("denied:NOT_GRANTED:" + subject, run.outcome("first"),
        "the exception's pseudonym is the trail's");

    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());

    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      events.add(new ObjectMapper().readTree(line));
    }
    assertEquals(List.of("agent.started", "consent.denied", "consent.changed", "consent.granted",
        "access", "consent.changed", "consent.denied", "agent.stopped"), types(events));

    JsonNode started = events.get(0);
    assertEquals("0.1.0-SNAPSHOT", started.get("version").asText());
    assertEquals("jsonl:" + trail, started.get("config").get("piiwarden.audit.sink").asText());
    assertEquals(keyFile.toString(), started.get("config").get("piiwarden.audit.key-file").asText(),
        "the key in use, the default beside the trail");

    assertDecision(events.get(1), subject, "NOT_GRANTED");
    assertChange(events.get(2), subject, "GRANTED", "signup-form");
    assertDecision(events.get(3), subject, null);
    assertDecision(events.get(4), subject, null);
    assertChange(events.get(5), subject, "WITHDRAWN", "settings");
    assertDecision(events.get(6), subject, "WITHDRAWN");
    List<String> records = Files.readAllLines(ledger);
    assertEquals(2, records.size(), records::toString);
    assertEquals(new ObjectMapper().readTree(records.get(0)).get("time").asText(),
        events.get(2).path("recorded").asText(), "recorded: the ledger record's time, as written");
    assertEquals(new ObjectMapper().readTree(records.get(1)).get("time").asText(),
        events.get(5).path("recorded").asText(), "recorded: the ledger record's time, as written");
    assertEquals("0.1.0-SNAPSHOT", events.get(7).get("version").asText());

    String text = Files.readString(trail);
    for (String personal : List.of("u-42", "+44 20 7946 0958", "m@example.com")) {
      assertFalse(text.contains(personal), personal);
    }
    Redactor redactor = Redactor.withDefaults();
    for (String line : Files.readAllLines(trail)) {
      // the test's temporary folder has a random number in its name, which can pass for a card
      String withoutFolder = line.replace(folder.toString(), "/folder");
      assertEquals(withoutFolder, redactor.redact(withoutFolder),
          "the redaction engine finds nothing to redact");
    }
  }

  @Test
  void twoJvmsInOneFolderWriteTheDefaultTrailTogetherAsOneChain() throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    int count = 10_000; // more than the audit queue holds: a writer that waits blocks its JVM
    List<Process> jvms = new ArrayList<>();
    for (String[] names : new String[][] {{"a", "b"}, {"b", "a"}}) {
      jvms.add(FixtureJvm.current().agent(null).directory(folder).start(List.of("-cp", classPath,
          AuditFixtureApp.class.getName(), "shared", names[0], names[1], String.valueOf(count))));
    }
    for (Process jvm : jvms) {
      FixtureJvm.Result run = FixtureJvm.finish(jvm, null);
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(List.of(), reportedBesidesAFullQueue(run), run::toString);
      assertEquals("true", run.outcome("peer-started"), run::toString);
      assertEquals("true", run.outcome("peer-finished"), "neither JVM waits for the other: " + run);
    }

    Path trail = folder.resolve("piiwarden-audit.jsonl");
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    List<String> lines = Files.readAllLines(trail);
    assertEquals(lines.size(), report.records());
    assertEquals(2 * count, lines.stream().filter(line -> line.contains("\"type\":\"consent.changed\"")).count());
    assertEquals(2, lines.stream().filter(line -> line.contains("\"type\":\"agent.started\"")).count());
    assertEquals(2, lines.stream().filter(line -> line.contains("\"type\":\"agent.stopped\"")).count());
  }

  /** Two replicas with one jdbc: sink on a real PostgreSQL: one chain in the table, nothing lost. */
  @Test
  void twoJvmsWithOneJdbcSinkWriteOneChainToTheTable() throws Exception {
    try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Path keyFile = folder.resolve("piiwarden-audit.key");
      AuditKey key = AuditKey.loadOrCreate(keyFile); // the replicas' shared key, as deployed
      String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
          FixtureJvm.annotations().toString());
      int count = 10_000;
      List<Process> jvms = new ArrayList<>();
      for (String[] names : new String[][] {{"a", "b"}, {"b", "a"}}) {
        jvms.add(FixtureJvm.current()
            .agent("audit.sink=" + url + ",audit.key-file=" + keyFile + ",consent.store=memory:")
            .directory(folder).start(List.of("-cp", classPath, AuditFixtureApp.class.getName(),
                "shared", names[0], names[1], String.valueOf(count))));
      }
      for (Process jvm : jvms) {
        FixtureJvm.Result run = FixtureJvm.finish(jvm, null);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(), reportedBesidesAFullQueue(run), "no failure reported: " + run);
        assertEquals("true", run.outcome("peer-started"), run::toString);
      }

      List<String> lines = new ArrayList<>();
      try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
          java.sql.Statement query = connection.createStatement();
          java.sql.ResultSet rows = query.executeQuery(
              "SELECT seq, record FROM piiwarden_audit ORDER BY seq")) {
        while (rows.next()) {
          lines.add(rows.getString("record"));
          assertEquals(lines.size(), rows.getLong("seq"));
        }
      }
      Path exported = Files.write(folder.resolve("exported.jsonl"), lines);
      VerificationReport report = new AuditVerifier(key).verify(List.of(exported));
      assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
      assertEquals(2 * count, lines.stream().filter(line -> line.contains("\"type\":\"consent.changed\"")).count());
      assertEquals(2, lines.stream().filter(line -> line.contains("\"type\":\"agent.started\"")).count());
      assertEquals(2, lines.stream().filter(line -> line.contains("\"type\":\"agent.stopped\"")).count());
    }
  }

  /**
   * A jdbc: table on a real PostgreSQL, written by a JVM with the default key in its working
   * folder: a later start whose key file was deleted (or that has another key, as a replica
   * started in another folder) stops with one line and creates no key; the table is unchanged.
   * agent.started names the key file by its absolute path. A database that is down at start
   * stops nothing.
   */
  @Test
  void aJdbcTableIsContinuedOnlyWithItsOwnKeyAndADatabaseDownAtStartStopsNothing() throws Exception {
    try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=Pw-4111111111111111";
      String shown = url.substring(0, url.indexOf('?'));
      Path keyFile = folder.resolve("piiwarden-audit.key");
      FixtureJvm.Result first = runScenarioIn(folder, "audit.sink=" + url + ",consent.store=memory:");
      assertEquals(0, first.exitCode(), first::toString);
      List<String> rows = auditRows(url);
      assertEquals(8, rows.size(), rows::toString);
      JsonNode started = new ObjectMapper().readTree(rows.get(0));
      assertEquals(keyFile.toString(), started.get("config").get("piiwarden.audit.key-file").asText(),
          "the key file in use, as an absolute path");

      Files.delete(keyFile);
      FixtureJvm.Result deleted = runScenarioIn(folder, "audit.sink=" + url + ",consent.store=memory:");
      Files.write(keyFile, new byte[32]); // another key, as a replica's own in another folder
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      FixtureJvm.Result other = runScenarioIn(folder, "audit.sink=" + url + ",consent.store=memory:");

      String remedy = " and give every writer of the table that one, or rename the table to begin a"
          + " new trail (ALTER TABLE piiwarden_audit RENAME TO piiwarden_audit_old)\n";
      assertEquals(1, deleted.exitCode(), deleted::toString);
      assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: audit key file " + keyFile
          + " does not exist, but audit table piiwarden_audit of " + shown + " holds records sealed"
          + " with a key; restore the key file the table was written with" + remedy,
          ConsentEnforcementIT.agentLines(deleted.stderr()));
      assertEquals(1, other.exitCode(), other::toString);
      assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: the last record of audit"
          + " table piiwarden_audit of " + shown + " (seq 8) does not verify with audit key file "
          + keyFile + ": it is not the key the table was written with; restore that key file" + remedy,
          ConsentEnforcementIT.agentLines(other.stderr()));
      assertFalse(deleted.stdout().contains("main=done") || other.stdout().contains("main=done"));
      assertEquals(rows, auditRows(url), "nothing written to the table");
    }

    Path elsewhere = Files.createDirectory(folder.resolve("elsewhere"));
    FixtureJvm.Result down = runScenarioIn(elsewhere, "audit.sink=jdbc:postgresql://127.0.0.1:1/app"
        + "?user=bob&password=hunter2&connectTimeout=1,consent.store=memory:");
    assertEquals(0, down.exitCode(), down::toString);
    assertTrue(down.stdout().contains("main=done"), down::toString);
    assertTrue(ConsentEnforcementIT.agentLines(down.stderr()).startsWith(
        "piiwarden: audit sink jdbc:postgresql://127.0.0.1:1/app failed ("), down::toString);
    assertFalse(down.stderr().contains("hunter2"), down::toString);
    // the run's records wait in the spool beside the key file, the next start's to write
    Path spool = elsewhere.resolve("piiwarden-audit-spool.jsonl");
    List<String> spooled = Files.readAllLines(spool);
    // the eight of the run with the database up, and the agent.problem saying it was down
    assertEquals(9, spooled.size(), spooled::toString);
    assertTrue(spooled.get(0).contains("\"type\":\"agent.problem\""), spooled::toString);
    assertTrue(spooled.get(1).contains("\"type\":\"agent.started\""), spooled::toString);
    assertTrue(spooled.get(8).contains("\"type\":\"agent.stopped\""), spooled::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
    assertFalse(String.join("\n", spooled).contains("hunter2"));
    assertTrue(down.stderr().contains("piiwarden: 9 audit records stay in spool file " + spool
        + "; the next start with audit sink jdbc:postgresql://127.0.0.1:1/app writes them there"),
        down::toString);
  }

  private FixtureJvm.Result runScenarioIn(Path workingFolder, String agentArguments) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent(agentArguments).directory(workingFolder)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName()));
  }

  private static List<String> auditRows(String url) throws Exception {
    List<String> lines = new ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.Statement query = connection.createStatement();
        java.sql.ResultSet rows = query.executeQuery("SELECT record FROM piiwarden_audit ORDER BY seq")) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  @Test
  void emptyLinesAfterTheLastRecordAreNoTornRecordOnRestart() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    assertEquals(0, runScenario("audit.sink=jsonl:" + trail).exitCode());
    Files.writeString(trail, "\n\n", java.nio.file.StandardOpenOption.APPEND); // an editor's

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertFalse(Files.readString(trail).contains("audit.recovered"));
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(16, report.records());
    assertTrue(report.notes().isEmpty(), report.notes()::toString);
  }

  @Test
  void aTrailWhoseKeyFileWasDeletedStopsTheJvmInsteadOfGettingANewKey() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Path keyFile = folder.resolve("piiwarden-audit.key");
    assertEquals(0, runScenario("audit.sink=jsonl:" + trail).exitCode());
    String before = Files.readString(trail);
    Files.delete(keyFile);

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: audit key file " + keyFile
        + " does not exist, but audit trail " + trail + " holds records sealed with a key; restore"
        + " the key file the trail was written with, or move the trail's files aside to begin a new"
        + " trail\n", ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(Files.exists(keyFile), "no new key over the old trail");
    assertEquals(before, Files.readString(trail));
  }

  /**
   * Text in place of the trail's last record is no crash's torn record: the JVM stops before main
   * with one line saying what is wrong and what to do, instead of acknowledging it, and the trail
   * is left as it was.
   */
  @Test
  void textInPlaceOfTheLastRecordStopsTheJvmInsteadOfBeingAcknowledged() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    assertEquals(0, runScenario("audit.sink=jsonl:" + trail).exitCode());
    List<String> lines = Files.readAllLines(trail);
    Files.writeString(trail, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n"
        + "nothing to see here, ops was here");
    String before = Files.readString(trail);

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit file " + trail
        + " ends with 33 bytes after its last record (seq 7), from line 8 on, that are neither a"
        + " whole record nor record seq 8 cut short by a crash (all a crash leaves there is that"
        + " record's start, {\"v\":1,\"seq\":8,\"ts\":\" or less of it, cut short before its hash):"
        + " they were put there after the file was written, so it cannot be continued; keep the file"
        + " for the auditor ('piiwarden audit verify' names the first line that is no record), and"
        + " move it aside so that a new trail begins\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
    assertEquals(before, Files.readString(trail));
  }

  @Test
  void aTrailWithAnotherKeyFileStopsTheJvm() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Path keyFile = folder.resolve("piiwarden-audit.key");
    assertEquals(0, runScenario("audit.sink=jsonl:" + trail).exitCode());
    Files.write(keyFile, new byte[32]); // another key, mode 0600 kept

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: the last record of audit"
        + " trail " + trail + " (seq 8) does not verify with audit key file " + keyFile + ": it is"
        + " not the key the trail was written with; restore that key file, or move the trail's"
        + " files aside to begin a new trail\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void theSameTrailOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FixtureJvm.JDK25.resolve("bin/java")),
        "JDK 25 is not installed at " + FixtureJvm.JDK25 + "; skipped");
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    FixtureJvm.Result run = FixtureJvm.withJava(FixtureJvm.JDK25).agent("audit.sink=jsonl:" + trail)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(8, report.records());
  }

  @Test
  void theConfigurationInTheTrailHoldsNoCredentials() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail
        + ",consent.store=jdbc:postgresql://127.0.0.1:1/app?user=bob&password=hunter2,"
        + "consent.on-store-error=allow");

    // the store is down: the application's Consents.grant fails, the trail is written all the same
    String started = Files.readAllLines(trail).get(0);
    assertTrue(started.contains("\"piiwarden.consent.store\":\"jdbc:postgresql://127.0.0.1:1/app\""),
        started);
    assertFalse(Files.readString(trail).contains("hunter2"));
    // what the agent reported on stderr is in the trail too (SPEC §6)
    assertTrue(Files.readString(trail).contains("\"type\":\"agent.problem\",\"message\":\"cannot read"
        + " consent store jdbc:postgresql://127.0.0.1:1/app: "), Files.readString(trail));
  }

  @Test
  void aKeyFileOpenToOthersStopsTheJvmWithOneLine() throws Exception {
    Path keyFile = folder.resolve("open.key");
    Files.write(keyFile, new byte[32]);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + folder.resolve("t.jsonl")
        + ",audit.key-file=" + keyFile);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: audit key file "
        + keyFile + " is open to group or others (mode rw-r--r--); run 'chmod 600 " + keyFile
        + "' and check that nobody else copied the key\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
  }

  /**
   * A folder or file name that is personal data, and a user pattern that is, are recorded masked
   * in agent.started (the trail holds no personal data) and masked in a configuration error, as
   * other options' values are.
   */
  @Test
  void optionValuesHoldingPersonalDataAreRecordedAndReportedMasked() throws Exception {
    Path personal = Files.createDirectory(folder.resolve("jane.doe@example.com"));
    Path trail = personal.resolve("audit.jsonl");
    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail
        + ",redaction.patterns=jane.doe@example.com,4111111111111111");

    assertEquals(0, run.exitCode(), run::toString);
    String started = Files.readAllLines(trail).get(0);
    assertFalse(started.contains("jane") || started.contains("4111"), started);
    assertTrue(started.contains("\"piiwarden.audit.sink\":\"jsonl:" + folder + "/[REDACTED:email]/audit.jsonl\""),
        started);
    assertTrue(started.contains("\"piiwarden.audit.key-file\":\"" + folder.toAbsolutePath()
        + "/[REDACTED:email]/piiwarden-audit.key\""), started);
    assertTrue(started.contains("\"piiwarden.redaction.patterns\":\"[REDACTED:email],[REDACTED:card]\""),
        started);

    FixtureJvm.Result refused = runScenario("audit.sink=jsonl:" + personal + ",audit.key-file=" + folder.resolve("k.key"));
    assertEquals(1, refused.exitCode(), refused::toString);
    assertTrue(refused.stderr().startsWith("piiwarden: configuration error: piiwarden.audit.sink: audit trail "
        + folder + "/[REDACTED:email] is a folder; give the path of the trail file itself, e.g. jsonl:"
        + folder + "/[REDACTED:email]/piiwarden-audit.jsonl"), refused::toString);
    assertFalse(refused.stderr().contains("jane"), refused::toString);
  }

  @Test
  void aTrailPathThatIsAFolderNamesTheSinkOptionAndWhatToDo() throws Exception {
    Path trailFolder = Files.createDirectory(folder.resolve("trailfolder"));

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trailFolder
        + ",audit.key-file=" + folder.resolve("k.key"));

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail " + trailFolder
        + " is a folder; give the path of the trail file itself, e.g. jsonl:"
        + trailFolder.resolve("piiwarden-audit.jsonl") + "\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=done"), run::toString);
  }

  /** Permissions do not stop root: a file where the folder should be stands for any unwritable folder. */
  @Test
  void aTrailWhoseFolderCannotBeMadeStopsTheJvmWithOneLine() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("audit"), "not a folder");
    Path trail = notAFolder.resolve("t.jsonl");

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("k.key"));

    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=started"), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail " + trail
        + " cannot be written (java.nio.file.FileAlreadyExistsException: " + notAFolder
        + ": exists and is not a folder); make sure this user can create and write its folder, or"
        + " give another path (jsonl:<path>)\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void aTrailWhoseLockFileCannotBeCreatedStopsTheJvmWithOneLine() throws Exception {
    Path trail = folder.resolve("t.jsonl");
    Files.createDirectory(folder.resolve("t.jsonl.lock"));

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("k.key"));

    assertEquals(1, run.exitCode(), run::toString);
    String line = ConsentEnforcementIT.agentLines(run.stderr());
    assertTrue(line.startsWith("piiwarden: configuration error: piiwarden.audit.sink: audit trail "
        + trail + " cannot be written (java.nio.file.FileSystemException: " + trail + ".lock: "), line);
    assertEquals(1, line.lines().count(), line);
    assertFalse(run.stdout().contains("main=started"), run::toString);
  }

  /**
   * A trail moved aside leaves its lock file: the lock opens, the trail cannot be made (a link into
   * a volume that is not mounted, here a path under a regular file), and that stops the start.
   */
  @Test
  void aLeftoverLockFileBesideATrailThatCannotBeCreatedStopsTheJvm() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("unmounted"), "not a folder");
    Path trail = Files.createSymbolicLink(folder.resolve("t.jsonl"), notAFolder.resolve("t.jsonl"));
    Files.writeString(folder.resolve("t.jsonl.lock"), "");

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("k.key"));

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail " + trail
        + " cannot be written (java.nio.file.FileSystemException: " + trail + ": Not a directory);"
        + " make sure this user can create and write its folder, or give another path (jsonl:<path>)\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
    assertFalse(run.stdout().contains("main=started"), run::toString);
  }

  /** A relative trail (the default one too) is named absolute: the line says which folder. */
  @Test
  void aRelativeTrailThatCannotBeUsedIsNamedWithItsFolder() throws Exception {
    Files.writeString(folder.resolve("logs"), "not a folder");
    Files.createDirectory(folder.resolve("piiwarden-audit.jsonl"));

    FixtureJvm.Result unwritable = runScenarioIn(folder, "audit.sink=jsonl:logs/t.jsonl");
    FixtureJvm.Result aFolder = runScenarioIn(folder, "consent.mode=enforce");

    assertEquals(1, unwritable.exitCode(), unwritable::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail " + folder.resolve("logs/t.jsonl")
        + " cannot be written (java.nio.file.FileAlreadyExistsException: " + folder.resolve("logs")
        + ": exists and is not a folder); make sure this user can create and write its folder, or"
        + " give another path (jsonl:<path>)\n",
        ConsentEnforcementIT.agentLines(unwritable.stderr()));
    assertEquals(1, aFolder.exitCode(), aFolder::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail "
        + folder.resolve("piiwarden-audit.jsonl") + " is a folder; give the path of the trail file itself,"
        + " e.g. jsonl:" + folder.resolve("piiwarden-audit.jsonl/piiwarden-audit.jsonl") + "\n",
        ConsentEnforcementIT.agentLines(aFolder.stderr()));
  }

  /** Opening a named pipe waits for a reader: the check looks at the file's type first. */
  @Test
  void aNamedPipeAtTheTrailPathStopsTheJvmAtOnce() throws Exception {
    Path trail = folder.resolve("t.jsonl");
    Process mkfifo = new ProcessBuilder("mkfifo", trail.toString()).redirectErrorStream(true).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("k.key"));

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: audit trail " + trail
        + " cannot be written (java.nio.file.FileSystemException: " + trail + ": exists and is not a"
        + " regular file but a named pipe, device or socket); make sure this user can create and"
        + " write its folder, or give another path (jsonl:<path>)\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  /**
   * A misspelt option and a config file naming another are said while the options are read,
   * before the trail is open: they are its first events after agent.started all the same.
   */
  @Test
  void problemsSaidBeforeTheTrailOpenedAreWrittenRightAfterAgentStarted() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    Path file = Files.writeString(folder.resolve("agent.properties"),
        "piiwarden.config-file=" + folder.resolve("other.properties") + "\n");
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    FixtureJvm.Result run = FixtureJvm.current().env("PIIWARDEN_CONSENT_MOD", "monitor")
        .agent("audit.sink=jsonl:" + trail + ",config-file=" + file)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    List<String> said = ConsentEnforcementIT.agentLines(run.stderr()).lines().toList();
    assertEquals(2, said.size(), run::toString);
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      events.add(new ObjectMapper().readTree(line));
    }
    assertEquals(List.of("agent.started", "agent.problem", "agent.problem", "consent.denied"),
        types(events).subList(0, 4));
    assertEquals(said, List.of("piiwarden: " + events.get(1).get("message").asText(),
        "piiwarden: " + events.get(2).get("message").asText()));
    assertTrue(said.get(0).startsWith("piiwarden: unknown option PIIWARDEN_CONSENT_MOD"), said.get(0));
    JsonNode stopped = events.get(events.size() - 1);
    assertEquals("agent.stopped", stopped.get("type").asText());
    assertEquals(2, stopped.get("agentProblems").asLong());
  }

  @Test
  void aKeyFileThatIsAFolderNamesTheAgentOptionNotTheCommandLines() throws Exception {
    Path keys = Files.createDirectory(folder.resolve("keys"));

    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + folder.resolve("t.jsonl")
        + ",audit.key-file=" + keys);

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.audit.key-file: audit key file " + keys
        + " is a folder; pass the path of the key file itself, e.g. "
        + keys.resolve("piiwarden-audit.key") + "\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void anSlf4jSinkWithoutSlf4jSaysWhatIsMissingAndTheApplicationRuns() throws Exception {
    FixtureJvm.Result run = runScenario("audit.sink=slf4j:audit,audit.key-file=" + folder.resolve("k.key"));

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("main=done"), run::toString);
    assertEquals("piiwarden: the audit trail could not be opened (piiwarden.audit.sink=slf4j:audit needs the"
        + " SLF4J API (org.slf4j:slf4j-api) on the application's class path; add it or choose another sink);"
        + " the application runs without one\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void logRedactionCountsAreARedactionEventAtShutdown() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName(), "log"));

    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(run.stderr().contains("ann@example.com"), run::toString);
    List<String> lines = Files.readAllLines(trail);
    JsonNode redaction = new ObjectMapper().readTree(lines.get(lines.size() - 2));
    assertEquals("redaction", redaction.get("type").asText(), lines::toString);
    assertEquals("{\"email\":1}", redaction.get("counts").toString());
    assertEquals(0, redaction.get("failures").asLong());
    assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"agent.stopped\""));
  }

  @Test
  void accessNoneKeepsTheDecisionsOnly() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runScenario("audit.sink=jsonl:" + trail + ",audit.access=none");

    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(Files.readString(trail).contains("\"type\":\"access\""));
    assertTrue(Files.readString(trail).contains("\"type\":\"consent.granted\""));
  }

  @Test
  void aGrantedCallThatThrowsGivesAccessThenAccessFailedNamingOnlyTheExceptionsClass() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runFailures("audit.sink=jsonl:" + trail);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("threw:" + NO_SUCH_ACCOUNT + ":no account for u-43 <ann@example.com>:true",
        run.outcome("missing"), "the application gets its own exception, the same instance");
    assertEquals("ran:erased", run.outcome("erased"));
    assertEquals("ran:recovered", run.outcome("recovered"));
    assertEquals("threw:" + NO_SUCH_ACCOUNT + ":no account for u-42:true", run.outcome("trimmed"));
    assertEquals("threw:java.lang.IllegalArgumentException:no history of u-42 <ann@example.com>:true",
        run.outcome("lookup"));
    assertEquals("denied:NOT_GRANTED", run.outcome("denied"));
    AuditKey key = AuditKey.load(folder.resolve("piiwarden-audit.key"));
    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());

    List<JsonNode> events = AccessAllIT.events(trail);
    assertEquals(List.of("agent.started", "consent.changed", "consent.changed",
        "consent.granted", "access", "access.failed", // erase("u-43") throws
        "consent.granted", "access", // erase("u-42") returns
        "consent.granted", "access", // retry recovers from its own exception and returns
        "consent.granted", "access", "access.failed", // eraseTrimmed throws
        "consent.denied", // a denial is no access, and its exception no failed access
        "agent.stopped"), types(events), events::toString);
    Pseudonymizer pseudonyms = new Pseudonymizer(key);
    assertEquals(pseudonyms.pseudonym("u-43"), events.get(4).get("subject").asText());
    assertEquals(ERASE, events.get(4).get("activity").asText());
    assertEquals("[user.contact.email]", textList(events.get(4).get("categories")));
    assertFailedAfter(events.get(4), events.get(5), NO_SUCH_ACCOUNT);
    assertEquals(pseudonyms.pseudonym("u-42"), events.get(11).get("subject").asText());
    assertEquals(ACCOUNTS + "eraseTrimmed(java.lang.String)", events.get(12).get("activity").asText());
    assertEquals(NO_SUCH_ACCOUNT, events.get(12).get("reason").asText());
    assertFalse(events.get(12).has("subject"),
        "the method replaced the argument the call was decided on: no subject rather than another");
    String text = Files.readString(trail);
    for (String message : List.of("no account", "no history", "ann@example.com", "first attempt")) {
      assertFalse(text.contains(message), message);
    }
  }

  @Test
  void withAccessAllAnActivityThatIsNotConsentRequiredAndThrowsGivesAccessFailedToo()
      throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runFailures("audit.sink=jsonl:" + trail + ",audit.access=all");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("threw:java.lang.IllegalArgumentException:no history of u-42 <ann@example.com>:true",
        run.outcome("lookup"));
    assertEquals("ran:found", run.outcome("found"));
    AuditKey key = AuditKey.load(folder.resolve("piiwarden-audit.key"));
    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());

    List<JsonNode> events = AccessAllIT.events(trail);
    assertEquals(List.of("agent.started", "consent.changed", "consent.changed",
        "consent.granted", "access", "access.failed",
        "consent.granted", "access",
        "consent.granted", "access",
        "consent.granted", "access", "access.failed",
        "access", "access.failed", // lookup(…, 7) throws
        "access", // lookup(…, 0) returns
        "consent.denied", "agent.stopped"), types(events), events::toString);
    assertFailedAfter(events.get(4), events.get(5), NO_SUCH_ACCOUNT);
    assertEquals(LOOKUP, events.get(13).get("activity").asText());
    assertEquals(new Pseudonymizer(key).pseudonym("u-42"), events.get(13).get("subject").asText());
    assertEquals("[\"billing\"]", events.get(13).get("purposes").toString());
    assertFailedAfter(events.get(13), events.get(14), "java.lang.IllegalArgumentException");
    assertFalse(Files.readString(trail).contains("no history"));
  }

  @Test
  void accessNoneGivesNoAccessFailedEither() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = runFailures("audit.sink=jsonl:" + trail + ",audit.access=none");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("threw:" + NO_SUCH_ACCOUNT + ":no account for u-43 <ann@example.com>:true",
        run.outcome("missing"));
    String text = Files.readString(trail);
    assertFalse(text.contains("\"type\":\"access"), text);
  }

  /** {@code failed} repeats {@code access}'s fields, with the exception's class as the reason. */
  private static void assertFailedAfter(JsonNode access, JsonNode failed, String reason) {
    assertEquals("access", access.get("type").asText(), access::toString);
    assertEquals("access.failed", failed.get("type").asText(), failed::toString);
    for (String field : List.of("subject", "actor", "purposes", "activity", "categories")) {
      assertEquals(access.get(field), failed.get(field), field + " of " + failed);
    }
    assertEquals("support-agent-7", failed.get("actor").asText());
    assertEquals(reason, failed.get("reason").asText(), failed::toString);
  }

  private FixtureJvm.Result runFailures(String agentArguments) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent(agentArguments)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName(), "failures"));
  }

  /**
   * The agent's lines but the one saying that the queue filled: 10,000 changes at once may fill it
   * faster than the sink writes, and callers then wait, which is said.
   */
  private static List<String> reportedBesidesAFullQueue(FixtureJvm.Result run) {
    return ConsentEnforcementIT.agentLines(run.stderr()).lines()
        .filter(line -> !line.startsWith("piiwarden: the audit queue is full; under overflow block,"))
        .toList();
  }

  private FixtureJvm.Result runScenario(String agentArguments) throws Exception {
    String classPath = String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
    return FixtureJvm.current().agent(agentArguments)
        .run(List.of("-cp", classPath, AuditFixtureApp.class.getName()));
  }

  private static void assertDecision(JsonNode event, String subject, String reason) {
    assertEquals(subject, event.get("subject").asText(), event::toString);
    assertEquals("support-agent-7", event.get("actor").asText(), event::toString);
    assertEquals("[\"marketing\"]", event.get("purposes").toString(), event::toString);
    assertEquals(AWARD, event.get("activity").asText(), event::toString);
    assertEquals(CATEGORIES.toString(), textList(event.get("categories")), event::toString);
    assertEquals(reason, event.has("reason") ? event.get("reason").asText() : null, event::toString);
  }

  private static void assertChange(JsonNode event, String subject, String state, String source) {
    assertEquals(subject, event.get("subject").asText(), event::toString);
    assertEquals("support-agent-7", event.get("actor").asText(), event::toString);
    assertEquals("[\"marketing\"]", event.get("purposes").toString(), event::toString);
    assertEquals(state, event.get("state").asText(), event::toString);
    assertEquals(source, event.get("source").asText(), event::toString);
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(event -> event.get("type").asText()).toList();
  }

  private static String textList(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values.toString();
  }
}

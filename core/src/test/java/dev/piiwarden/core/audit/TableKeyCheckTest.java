package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jdbc:} sink's table, like a jsonl trail, is continued only with the key it was written
 * with: {@link AuditTrail#open} and {@link AuditAppender#open} refuse a missing key file (and
 * create none) or another key, on SQLite and on a real PostgreSQL; a table that could not be read
 * before the key was loaded is checked by the sink when it opens.
 */
class TableKeyCheckTest {
  @TempDir Path folder;

  private static final List<Consumer<AuditTrailOptions>> OPENERS = List.of(
      options -> AuditTrail.open(options).close(),
      options -> AuditAppender.open(options).close());

  private static AuditTrailOptions options(String url, Path keyFile) {
    return AuditTrailOptions.defaults().sink(url).keyFile(keyFile).fsync(FsyncPolicy.never())
        .problems(problem -> { throw new AssertionError(problem); });
  }

  /** Three records in the table, sealed with the key file {@code piiwarden-audit.key}. */
  private Path writtenTable(String url) {
    Path key = folder.resolve(AuditKey.DEFAULT_FILE_NAME);
    try (AuditTrail trail = AuditTrail.open(options(url, key))) {
      for (int i = 1; i <= 3; i++) {
        trail.record(AuditFixtures.access(i));
      }
    }
    return key;
  }

  @Test
  void sqliteTableWithADeletedOrAnotherKeyIsRefusedAndItsOwnKeyContinuesIt() throws Exception {
    refusesDeletedAndOtherKeysAndContinuesWithItsOwn("jdbc:sqlite:" + folder.resolve("audit.db"),
        "jdbc:sqlite:" + folder.resolve("audit.db"));
  }

  @Test
  void postgresqlTableWithADeletedOrAnotherKeyIsRefusedAndItsOwnKeyContinuesIt() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=Pw-4111111111111111";
      refusesDeletedAndOtherKeysAndContinuesWithItsOwn(url, url.substring(0, url.indexOf('?')));
    }
  }

  private void refusesDeletedAndOtherKeysAndContinuesWithItsOwn(String url, String shown)
      throws Exception {
    Path key = writtenTable(url);
    byte[] ownKey = Files.readAllBytes(key);
    Path other = folder.resolve("other.key");
    AuditKey.loadOrCreate(other);
    String table = "audit table piiwarden_audit of " + shown;

    for (Consumer<AuditTrailOptions> opener : OPENERS) {
      AuditException refused = assertThrows(AuditException.class,
          () -> opener.accept(options(url, other)));
      assertEquals("the last record of " + table + " (seq 3) does not verify with audit key file "
          + other + ": it is not the key the table was written with; restore that key file and give"
          + " every writer of the table that one, or rename the table to begin a new trail (ALTER"
          + " TABLE piiwarden_audit RENAME TO piiwarden_audit_old)", refused.getMessage());
      assertEquals(3, records(url).size(), "nothing written");
    }

    Files.delete(key);
    for (Consumer<AuditTrailOptions> opener : OPENERS) {
      AuditException refused = assertThrows(AuditException.class,
          () -> opener.accept(options(url, key)));
      assertEquals("audit key file " + key + " does not exist, but " + table + " holds records"
          + " sealed with a key; restore the key file the table was written with and give every"
          + " writer of the table that one, or rename the table to begin a new trail (ALTER TABLE"
          + " piiwarden_audit RENAME TO piiwarden_audit_old)", refused.getMessage());
      assertFalse(Files.exists(key), "no new key over the table's records");
      assertFalse(refused.getMessage().contains("4111"), "no password in the message");
      assertEquals(3, records(url).size(), "nothing written");
    }

    Files.write(key, ownKey);
    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    try (AuditAppender appender = AuditAppender.open(options(url, key))) {
      appender.append(AuditFixtures.access(4));
    }
    AuditTrail.open(options(url, key)).close();
    assertVerifies(url, key, 4);
  }

  /**
   * The database was down when the key was loaded (the check could not read it): when it is back,
   * the sink reads the table's last row before it writes and refuses another key, as a failure
   * said once; nothing is written into the other key's table.
   */
  @Test
  void aTableThatCouldNotBeReadAtStartIsCheckedWhenTheSinkOpens() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("audit.db");
    Path key = writtenTable(url);
    Path other = folder.resolve("other.key");
    AuditKey otherKey = AuditKey.loadOrCreate(other);
    List<String> problems = new CopyOnWriteArrayList<>();

    // a key given as an object is not checked by open: as when the check could not read the table
    AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink(url).key(otherKey)
        .keyFile(other).closeTimeout(java.time.Duration.ofMillis(300)).problems(problems::add));
    trail.record(AuditFixtures.access(9));
    AuditFixtures.awaitProblem(problems);
    assertFalse(trail.shutdown(), "the event is held, not written");

    assertEquals(3, records(url).size());
    assertTrue(problems.get(0).startsWith("audit sink jdbc:sqlite:" + folder.resolve("audit.db")
        + " failed (dev.piiwarden.core.audit.AuditException: the last record of audit table"
        + " piiwarden_audit of jdbc:sqlite:" + folder.resolve("audit.db") + " (seq 3) does not"
        + " verify with audit key file " + other + ": "), problems.get(0));
    assertEquals(1, problems.stream().filter(p -> p.contains(" failed ")).count(), problems.toString());
    assertVerifies(url, key, 3);
  }

  @Test
  void anUnreachableDatabaseIsNoRefusalAtStart() {
    assertFalse(TableKeyCheck.checkTable(
        "jdbc:postgresql://127.0.0.1:1/nothing?user=bob&password=secret&connectTimeout=1", null,
        folder.resolve("missing.key")));
    assertFalse(Files.exists(folder.resolve("missing.key")));
  }

  @Test
  void aMissingSqliteFileOrTableHoldsNoRecordsAndIsNotCreated() throws Exception {
    Path database = folder.resolve("none.db");
    assertTrue(TableKeyCheck.checkTable("jdbc:sqlite:" + database, null, folder.resolve("k.key")));
    assertFalse(Files.exists(database), "a check creates no database file");

    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE other (x INTEGER)");
    }
    assertTrue(TableKeyCheck.checkTable("jdbc:sqlite:" + database, null, folder.resolve("k.key")));
  }

  @Test
  void aLastRowThatHoldsNoRecordIsRefusedNamingTheRow() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("audit.db");
    Path key = writtenTable(url);
    try (Connection connection = DriverManager.getConnection(url);
        Statement edit = connection.createStatement()) {
      edit.executeUpdate("UPDATE piiwarden_audit SET record = 'edited by hand' WHERE seq = 3");
    }
    for (Consumer<AuditTrailOptions> opener : OPENERS) {
      AuditException refused = assertThrows(AuditException.class,
          () -> opener.accept(options(url, key)));
      assertEquals("the last row of audit table piiwarden_audit of " + url + " (seq 3) holds no"
          + " audit record as the writer writes it (it was changed after it was written), so audit"
          + " key file " + key + " cannot be checked against it; see what changed with 'piiwarden"
          + " audit verify " + url + "', then restore the row from a copy, or rename the table to"
          + " begin a new trail (ALTER TABLE piiwarden_audit RENAME TO piiwarden_audit_old)",
          refused.getMessage());
    }
  }

  private static List<String> records(String url) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT record FROM piiwarden_audit ORDER BY seq")) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  private void assertVerifies(String url, Path key, long count) throws Exception {
    Path exported = AuditFixtures.write(folder.resolve("exported.jsonl"), records(url));
    VerificationReport report = new AuditVerifier(AuditKey.load(key)).verify(List.of(exported));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(count, report.records());
  }
}

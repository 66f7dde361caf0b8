package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTrailTest {
  @TempDir Path folder;

  @Test
  void aPostgresqlTrailIsCopiedInSeqOrderAndVerifiesAndAnEditedRowIsNamedByItsRow() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      writeTrail(url, 2500); // more rows than one fetch
      Path copy = folder.resolve("copy.jsonl");

      assertEquals(2500, JdbcTrail.copy(url, copy));
      assertEquals(2500, Files.readAllLines(copy).size());
      VerificationReport clean = verify(copy);
      assertTrue(clean.ok(), () -> clean.finding().orElseThrow().describe());
      assertEquals(2500, clean.last().seq());

      execute(url, "UPDATE piiwarden_audit SET record = replace(record, 'svc-crm', 'svc-xyz')"
          + " WHERE seq = 1234");
      JdbcTrail.copy(url, copy);
      Finding edited = verify(copy).finding().orElseThrow();
      assertEquals(Finding.Kind.EDITED, edited.kind());
      assertEquals(1234, edited.line());
      assertEquals(1234, edited.seq());
    }
  }

  @Test
  void aDeletedRowIsMissingAndAnInsertedOneIsNamed() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("audit.db");
    writeTrail(url, 20);
    execute(url, "DELETE FROM piiwarden_audit WHERE seq = 7");
    Path copy = folder.resolve("copy.jsonl");
    assertEquals(19, JdbcTrail.copy(url, copy));
    Finding missing = verify(copy).finding().orElseThrow();
    assertEquals(Finding.Kind.MISSING, missing.kind());
    assertEquals(8, missing.seq());
    assertEquals(7, missing.line(), "the row after the gap, counted in seq order");

    execute(url, "INSERT INTO piiwarden_audit (seq, ts, type, subject, prev, hash, record)"
        + " SELECT 7, ts, type, subject, prev, hash, record FROM piiwarden_audit WHERE seq = 6");
    JdbcTrail.copy(url, copy);
    Finding inserted = verify(copy).finding().orElseThrow();
    assertEquals(7, inserted.line());
    assertEquals(Finding.Kind.INSERTED, inserted.kind(), inserted.describe());
  }

  @Test
  void aDatabaseWithoutTheTableIsNamedAndTheCopyHoldsNoRecord() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("other.db");
    execute(url, "CREATE TABLE orders (id INTEGER)");
    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy(url, folder.resolve("copy.jsonl")));
    assertTrue(e.getMessage().startsWith("cannot read table piiwarden_audit of " + url + ": "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(
        "give the URL of the database that piiwarden.audit.sink=jdbc: writes to"), e.getMessage());
  }

  @Test
  void aSinkCreatesItsSqliteFileReadableByItsOwnerOnly() throws Exception {
    Path database = folder.resolve("audit.db");

    writeTrail("jdbc:sqlite:" + database, 2);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database)));
  }

  @Test
  void aMistypedSqlitePathIsNamedAndNoDatabaseIsCreated() {
    Path typo = folder.resolve("typo.db");
    String url = "jdbc:sqlite:" + typo;

    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy(url, folder.resolve("copy.jsonl")));

    assertEquals("cannot read " + url + ": no such database file " + typo + "; give the path of the"
        + " database that piiwarden.audit.sink=jdbc: writes to", e.getMessage());
    assertFalse(Files.exists(typo), "reading creates no database");
  }

  /** Refused before any driver is looked for: core's tests have no H2 driver, and need none. */
  @Test
  void aMistypedH2FilePathIsNamedAndNoDatabaseIsCreated() {
    Path typo = folder.resolve("typoh");
    String url = "jdbc:h2:" + typo + ";USER=auditor;PASSWORD=s3cr3t-pw";

    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy(url, folder.resolve("copy.jsonl")));

    assertEquals("cannot read jdbc:h2:" + typo + ": no such database file " + typo + ".mv.db; give"
        + " the path of the database that piiwarden.audit.sink=jdbc: writes to", e.getMessage());
    assertEquals(List.of(), List.of(folder.toFile().list()), "reading creates no database");
  }

  /**
   * H2 takes '?' as part of the file name: the password there is hidden, an address in a folder of
   * the file masked (the URL is shown as given, without credentials).
   */
  @Test
  void aMissingDatabaseFileIsNamedWithoutTheUrlsCredentialsOrPersonalNames() {
    Path typo = folder.resolve("jane.doe@example.com").resolve("audit");
    String url = "jdbc:h2:" + typo + "?user=admin&password=S3cretPw";

    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy(url, folder.resolve("copy.jsonl")));

    assertEquals("cannot read jdbc:h2:" + folder + "/jane.doe@example.com/audit: no such database file " + folder
        + "/[REDACTED:email]/audit?user=***&password=[REDACTED:credential]; give the path of the database that"
        + " piiwarden.audit.sink=jdbc: writes to", e.getMessage());
    assertFalse(e.getMessage().contains("S3cretPw"), e.getMessage());
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsCredentials() {
    String url = "jdbc:postgresql://127.0.0.1:1/audit?user=auditor&password=s3cr3t-pw&connectTimeout=1";
    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy(url, folder.resolve("copy.jsonl")));
    assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/audit: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
    assertFalse(e.getMessage().contains("auditor"), e.getMessage());
    assertFalse(Files.exists(folder.resolve("copy.jsonl")), "nothing is written before the rows");
  }

  @Test
  void aUrlNoDriverAcceptsSaysSo() {
    AuditException e = assertThrows(AuditException.class,
        () -> JdbcTrail.copy("jdbc:nosuchdb://host/audit;password=x", folder.resolve("c.jsonl")));
    assertEquals("no JDBC driver on the class path accepts jdbc:nosuchdb: (jdbc:nosuchdb://host/audit)",
        e.getMessage());
  }

  private static void writeTrail(String url, int records) {
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink(url)
        .key(AuditFixtures.KEY).problems(problem -> { throw new AssertionError(problem); }))) {
      for (int i = 1; i <= records; i++) {
        trail.record(AuditFixtures.access(i));
      }
    }
  }

  private static VerificationReport verify(Path copy) {
    return new AuditVerifier(AuditFixtures.KEY).verify(List.of(copy));
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package dev.piiwarden.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.cli.DriverJars;
import dev.piiwarden.core.audit.AuditTrailOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify} and {@code audit query} on the table a {@code jdbc:} sink writes. */
class AuditJdbcTrailTest {
  @TempDir Path folder;

  private String sqliteTrail() {
    String url = "jdbc:sqlite:" + folder.resolve("audit.db");
    TrailFixture.write(AuditTrailOptions.defaults().sink(url).keyFile(key()));
    return url;
  }

  private Path key() {
    return folder.resolve("k.key");
  }

  @Test
  void aTableTheSinkWroteVerifiesAndIsQueriedAndItsCopyIsDeleted() throws Exception {
    String url = sqliteTrail();
    long copiesBefore = copiesLeft();

    CliResult verified = CliRun.run("audit", "verify", url, "--key-file", key().toString());
    CliResult queried = CliRun.run("audit", "query", url, "--key-file", key().toString(),
        "--subject", "u-42");

    assertEquals(0, verified.exitCode(), verified.describe());
    assertTrue(verified.out().matches("OK: 6 records in table piiwarden_audit of \\Q" + url
        + "\\E verify; last seq 6, hash [0-9a-f]{64}\n"), verified.out());
    assertEquals(0, queried.exitCode(), queried.describe());
    assertTrue(queried.out().contains(": 3 events\n"), queried.out());
    assertEquals("", queried.err());
    assertEquals(copiesBefore, copiesLeft(), "the copy of the rows is deleted");
  }

  @Test
  void aKeyThatIsNotTheTablesIsRefusedByQuery() throws Exception {
    String url = sqliteTrail();
    Path otherKey = folder.resolve("other.key");
    Files.write(otherKey, new byte[32]);
    Files.setPosixFilePermissions(otherKey, PosixFilePermissions.fromString("rw-------"));

    CliResult queried = CliRun.run("audit", "query", url, "--key-file", otherKey.toString(),
        "--subject", "u-42");

    assertEquals(2, queried.exitCode(), queried.describe());
    assertEquals("", queried.out());
    assertEquals("piiwarden: no record of the trail (table piiwarden_audit of " + url + ") verifies"
        + " with audit key file " + otherKey + ": it is not the trail's key, and its events cannot be"
        + " matched to a subject with it; give the key file the trail was written with, --key-file K\n",
        queried.err());
  }

  @Test
  void anEditedRowIsExit1NamingTheTableAndRow() throws Exception {
    String url = sqliteTrail();
    execute(url, "UPDATE piiwarden_audit SET record = replace(record, 'support-agent-7',"
        + " 'support-agent-8') WHERE seq = 3");

    CliResult verified = CliRun.run("audit", "verify", url, "--key-file", key().toString());
    CliResult queried = CliRun.run("audit", "query", url, "--key-file", key().toString(),
        "--subject", "u-42");

    assertEquals(1, verified.exitCode(), verified.describe());
    assertEquals(url + " piiwarden_audit row 3: seq 3: edited: the record was changed after it"
        + " was written: its hash does not match its content\n", verified.out());
    assertEquals(0, queried.exitCode(), queried.describe());
    assertTrue(queried.err().startsWith("piiwarden: warning: the trail does not verify (" + url
        + " piiwarden_audit row 3: seq 3: edited:"), queried.err());
  }

  @Test
  void rowsDeletedAtTheEndOfTheTableAreCaughtByAnAnchor() throws Exception {
    String url = sqliteTrail();
    String ok = CliRun.run("audit", "verify", url, "--key-file", key().toString()).out();
    String last = ok.substring(ok.indexOf("last seq ") + 9).replace(", hash ", ":").strip();
    execute(url, "DELETE FROM piiwarden_audit WHERE seq > 4");

    CliResult alone = CliRun.run("audit", "verify", url, "--key-file", key().toString());
    CliResult anchored = CliRun.run("audit", "verify", url, "--key-file", key().toString(), "--anchor", last);

    assertEquals(0, alone.exitCode(), alone.describe());
    assertEquals(1, anchored.exitCode(), anchored.describe());
    assertEquals(url + " piiwarden_audit row 4: seq 4: cut off: the trail ends here, but an earlier"
        + " verification saw seq 6 (the anchor): the records after this one were cut off, or the trail"
        + " was replaced by an older or another one\n", anchored.out());
  }

  @Test
  void aDriverFromJdbcDriverReadsTheTrailAndWithoutItTheMessageSaysSo() throws Exception {
    String url = "jdbc:h2:" + folder.resolve("audit").toAbsolutePath();
    String driver = DriverJars.h2().toString();
    for (String purpose : new String[] {"marketing", "analytics"}) {
      CliResult granted = CliRun.run("consent", "grant", "--store", "file:" + folder.resolve("c.jsonl"),
          "--subject", "u-1", "--purpose", purpose, "--source", "form", "--audit", url,
          "--audit-key-file", key().toString(), "--jdbc-driver", driver);
      assertEquals(0, granted.exitCode(), granted.describe());
    }

    CliResult verified = CliRun.run("audit", "verify", url, "--key-file", key().toString(),
        "--jdbc-driver", driver);
    CliResult noDriver = CliRun.run("audit", "verify", url, "--key-file", key().toString());

    assertEquals(0, verified.exitCode(), verified.describe());
    assertTrue(verified.out().startsWith("OK: 2 records in table piiwarden_audit of " + url), verified.out());
    assertEquals(2, noDriver.exitCode(), noDriver.describe());
    assertEquals("piiwarden: no JDBC driver on the class path accepts jdbc:h2: (" + url + "); pass the"
        + " driver's jar with --jdbc-driver JAR (e.g. org.xerial:sqlite-jdbc or org.postgresql:postgresql"
        + " from Maven Central)\n", noDriver.err());
  }

  /** SQLite's and H2's drivers would create the mistyped database: verify and query only read. */
  @Test
  void aMistypedDatabasePathIsExit2NamingTheFileAndLeavesNoDatabase() throws Exception {
    Path sqliteTypo = folder.resolve("typo.db");
    Path h2Typo = folder.resolve("typoh");

    CliResult sqlite = CliRun.run("audit", "verify", "jdbc:sqlite:" + sqliteTypo, "--key-file",
        key().toString());
    CliResult h2 = CliRun.run("audit", "query", "jdbc:h2:" + h2Typo, "--key-file", key().toString(),
        "--subject", "u-42", "--jdbc-driver", DriverJars.h2().toString());

    assertEquals(2, sqlite.exitCode(), sqlite.describe());
    assertEquals("piiwarden: cannot read jdbc:sqlite:" + sqliteTypo + ": no such database file "
        + sqliteTypo + "; give the path of the database that piiwarden.audit.sink=jdbc: writes to\n",
        sqlite.err());
    assertEquals(2, h2.exitCode(), h2.describe());
    assertTrue(h2.err().startsWith("piiwarden: cannot read jdbc:h2:" + h2Typo + ": no such database"
        + " file " + h2Typo + ".mv.db; "), h2.err());
    try (Stream<Path> left = Files.list(folder)) {
      assertEquals(0, left.filter(file -> file.getFileName().toString().startsWith("typo")).count());
    }
  }

  @Test
  void anAuditDatabaseThatConsentAuditCreatesIsItsOwnersOnly() throws Exception {
    Path database = folder.resolve("cliaudit.db");

    CliResult granted = CliRun.run("consent", "grant", "--store", "file:" + folder.resolve("c.jsonl"),
        "--subject", "u-1", "--purpose", "marketing", "--source", "form", "--audit",
        "jdbc:sqlite:" + database, "--audit-key-file", key().toString());

    assertEquals(0, granted.exitCode(), granted.describe());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database)));
  }

  @Test
  void aDatabaseWithoutTheTableOrWithAnEmptyOneIsExit2() throws Exception {
    String other = "jdbc:sqlite:" + folder.resolve("other.db");
    execute(other, "CREATE TABLE orders (id INTEGER)");
    String empty = "jdbc:sqlite:" + folder.resolve("empty.db");
    execute(empty, "CREATE TABLE piiwarden_audit (seq BIGINT PRIMARY KEY, record TEXT)");

    CliResult noTable = CliRun.run("audit", "verify", other, "--key-file", key().toString());
    CliResult noRows = CliRun.run("audit", "verify", empty, "--key-file", key().toString());

    assertEquals(2, noTable.exitCode(), noTable.describe());
    assertTrue(noTable.err().startsWith("piiwarden: cannot read table piiwarden_audit of " + other + ": "),
        noTable.err());
    assertEquals(2, noRows.exitCode(), noRows.describe());
    assertEquals("piiwarden: table piiwarden_audit of " + empty + " holds no audit record; give the URL"
        + " of the database that piiwarden.audit.sink=jdbc: writes to\n", noRows.err());
  }

  @Test
  void aUrlAmongFilesIsExit2AndAPasswordIsNeverShown() throws Exception {
    Path file = TrailFixture.write(folder, Long.MAX_VALUE);

    CliResult mixed = CliRun.run("audit", "verify", file.toString(), "jdbc:sqlite:x.db");
    CliResult unreachable = CliRun.run("audit", "verify",
        "jdbc:postgresql://127.0.0.1:1/audit?user=auditor&password=pw-s3cr3t&connectTimeout=1",
        "--key-file", key().toString());

    assertEquals(2, mixed.exitCode(), mixed.describe());
    assertEquals("piiwarden: a jdbc: trail is read on its own; pass its URL as the only argument,"
        + " or the jsonl files alone\n", mixed.err());
    assertEquals(2, unreachable.exitCode(), unreachable.describe());
    assertTrue(unreachable.err().startsWith(
        "piiwarden: cannot connect to jdbc:postgresql://127.0.0.1:1/audit: "), unreachable.err());
    assertFalse(unreachable.err().contains("pw-s3cr3t"), unreachable.err());
  }

  private static long copiesLeft() throws Exception {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("piiwarden-audit-")).count();
    }
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

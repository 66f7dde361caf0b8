package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened for reading creates nothing, and one that is not there is said so. */
class ReadOnlyStoreTest {
  @TempDir Path folder;

  private static ConsentLedger reading(String uri) {
    return new ConsentLedger(ConsentStoreUri.openForReading(uri, w -> { }, null), Duration.ZERO);
  }

  @Test
  void aMissingLedgerFileIsMissingNotEmpty() {
    Path typo = folder.resolve("typo.jsonl");
    ConsentStoreMissingException missing =
        assertThrows(ConsentStoreMissingException.class, () -> reading("file:" + typo).history("s-0"));
    assertEquals("cannot read consent store file:" + typo + ": the file does not exist", missing.getMessage());
    assertFalse(Files.exists(typo));
  }

  @Test
  void aMissingSqliteDatabaseIsNotCreatedByAReadAndOneWithoutTheTableIsMissing() throws Exception {
    Path database = folder.resolve("cc.db");
    ConsentStoreMissingException missing = assertThrows(ConsentStoreMissingException.class,
        () -> reading("jdbc:sqlite:" + database).history("s-0"));
    assertEquals("cannot read consent store jdbc:sqlite:" + database + ": the database file " + database
        + " does not exist", missing.getMessage());
    assertFalse(Files.exists(database), "a read created the database");

    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE other (x INTEGER)");
    }
    ConsentStoreMissingException noTable = assertThrows(ConsentStoreMissingException.class,
        () -> reading("jdbc:sqlite:" + database).history("s-0"));
    assertEquals("cannot read consent store jdbc:sqlite:" + database + ": the database has no"
        + " piiwarden_consent table (no consent was ever recorded in it)", noTable.getMessage());
  }

  @Test
  void aPostgresqlDatabaseWithoutTheTableIsMissingAndTheTableIsNotCreated() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      assertThrows(ConsentStoreMissingException.class, () -> reading(url).history("s-0"));
      try (ConsentLedger writer = new ConsentLedger(ConsentStoreUri.open(url, w -> { }), Duration.ZERO)) {
        writer.grant("s-0", "marketing", "web");
      }
      assertEquals(1, reading(url).history("s-0").size());
    }
  }

  @Test
  void aSqliteDatabaseTheStoreCreatesIsReadableByItsOwnerOnly() {
    Path database = folder.resolve("new.db");
    try (ConsentLedger ledger = new ConsentLedger(
        ConsentStoreUri.open("jdbc:sqlite:" + database, w -> { }), Duration.ZERO)) {
      ledger.grant("s-0", "marketing", "web");
    }
    assertEquals("rw-------", permissions(database));
    assertEquals(1, reading("jdbc:sqlite:" + database).history("s-0").size());
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

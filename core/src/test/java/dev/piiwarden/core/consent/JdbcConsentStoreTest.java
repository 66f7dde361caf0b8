package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcConsentStoreTest {
  @TempDir Path folder;

  @Test
  void sqliteLedgerCreatesItsTableAndKeepsRecordsAcrossConnections() {
    String url = "jdbc:sqlite:" + folder.resolve("consent.db");
    exerciseLedger(url);
  }

  @Test
  void postgresqlLedgerCreatesItsTableAndKeepsRecordsAcrossConnections() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      exerciseLedger(postgres.getJdbcUrl("postgres", "postgres"));
    }
  }

  /**
   * Services starting at once against a fresh database each create the table on their first
   * grant: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} may then fail in its catalog for all
   * but one of them. No grant may fail for it, and none is lost.
   */
  @Test
  void ledgersCreatingThePostgresqlTableAtOnceAllRecord() throws Exception {
    int ledgers = 6;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      for (int round = 0; round < 8; round++) {
        String database = "consent_" + round;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
            Statement ddl = admin.createStatement()) {
          ddl.execute("CREATE DATABASE " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        CyclicBarrier start = new CyclicBarrier(ledgers);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[ledgers];
        for (int i = 0; i < ledgers; i++) {
          String subject = "u-" + i;
          threads[i] = new Thread(() -> {
            try (ConsentLedger ledger =
                new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ZERO)) {
              start.await();
              ledger.grant(subject, "marketing", "signup", null);
            } catch (Throwable failure) {
              failures.add(failure);
            }
          });
          threads[i].start();
        }
        for (Thread thread : threads) {
          thread.join();
        }
        assertEquals(List.of(), failures, "round " + round);
        try (ConsentLedger reopened = new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ZERO)) {
          for (int i = 0; i < ledgers; i++) {
            assertTrue(reopened.isGranted("u-" + i, "marketing"), "round " + round + ", u-" + i);
          }
        }
      }
    }
  }

  @Test
  void unreachableDatabaseFailsWithOneClearMessageWithoutCredentials() {
    ConsentLedger ledger =
        new ConsentLedger(
            ConsentStoreUri.open(
                "jdbc:postgresql://127.0.0.1:1/nothing?user=bob&password=secret&connectTimeout=2",
                w -> {}),
            Duration.ofSeconds(5));
    ConsentStoreException failure =
        assertThrows(ConsentStoreException.class, () -> ledger.isGranted("u-1", "marketing"));
    String message = failure.getMessage();
    assertTrue(message.startsWith("cannot read consent store jdbc:postgresql://127.0.0.1:1/nothing: "), message);
    assertFalse(message.contains("secret"), message);
    assertFalse(message.contains("\n"), message);
    assertFalse(failure instanceof ConsentDriverMissingException, "the driver is there: " + message);
  }

  @Test
  void aUrlNoDriverAcceptsIsSaidAsSuchWithoutCredentials() {
    ConsentLedger ledger = new ConsentLedger(
        ConsentStoreUri.open("jdbc:nosuchdb://db/app?user=bob&password=secret", w -> {}), Duration.ZERO);
    ConsentDriverMissingException failure =
        assertThrows(ConsentDriverMissingException.class, () -> ledger.isGranted("u-1", "marketing"));
    assertEquals("cannot read consent store jdbc:nosuchdb://db/app: no JDBC driver on the class path"
        + " accepts jdbc:nosuchdb:", failure.getMessage());
  }

  private static void exerciseLedger(String url) {
    Instant soon = Instant.now().plusSeconds(3600);
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ofSeconds(5))) {
      ledger.grant("u-1", "marketing", "signup", soon);
      ledger.withdraw("u-1", "marketing.advertising", "settings");
      assertTrue(ledger.isGranted("u-1", "marketing.communications.email"));
      assertEquals(Reason.WITHDRAWN, ledger.decide("u-1", "marketing.advertising.first_party").reason());
    }
    try (ConsentLedger reopened = new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ZERO)) {
      List<ConsentRecord> history = reopened.history("u-1");
      assertEquals(2, history.size());
      assertEquals(ConsentRecord.State.GRANTED, history.get(0).state());
      assertEquals(soon, history.get(0).expires());
      assertEquals("settings", history.get(1).source());
      assertEquals(List.of(), reopened.history("u-2"));
    }
  }
}

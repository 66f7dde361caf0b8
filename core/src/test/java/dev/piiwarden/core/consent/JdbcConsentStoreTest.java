package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.jdbc.JdbcConnections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
  void h2LedgerCreatesItsTableAndKeepsRecordsAcrossConnections() {
    exerciseLedger("jdbc:h2:file:" + folder.resolve("consent"));
  }

  @Test
  void postgresqlLedgerCreatesItsTableAndKeepsRecordsAcrossConnections() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      exerciseLedger(postgres.getJdbcUrl("postgres", "postgres"));
    }
  }

  /**
   * A database restarted, or a proxy or firewall that dropped an idle connection, leaves the
   * store's connection dead: the next call finds out only when it uses it. That call is answered
   * from a new connection, not refused as if the database were down.
   */
  @Test
  void aConnectionTheServerDroppedIsReplacedOnTheNextCall() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      JdbcConsentStore store = new JdbcConsentStore(postgres.getJdbcUrl("postgres", "postgres"));
      Instant now = Instant.parse("2026-11-24T10:00:00Z");
      store.append(new ConsentRecord("s-1", "marketing", ConsentRecord.State.GRANTED, now, "form", null));
      for (int drop = 0; drop < 2; drop++) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
            Statement kill = admin.createStatement()) {
          kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE pid <> pg_backend_pid() AND datname = 'postgres' AND backend_type = 'client backend'");
        }
        if (drop == 0) {
          assertEquals(1, store.records("s-1").size());
        } else {
          store.append(new ConsentRecord("s-1", "marketing", ConsentRecord.State.WITHDRAWN, now.plusSeconds(1), "form", null));
        }
      }
      List<ConsentRecord> records = store.records("s-1");
      assertEquals(List.of(ConsentRecord.State.GRANTED, ConsentRecord.State.WITHDRAWN),
          records.stream().map(ConsentRecord::state).toList());
      store.close();
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

  /** A database that echoes a value it refuses does not bring the subject id into the failure. */
  @Test
  void aFailureEchoingTheSubjectIdIsToldWithoutIt() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection admin = postgres.getPostgresDatabase().getConnection();
          Statement ddl = admin.createStatement()) {
        ddl.execute("CREATE TABLE piiwarden_consent (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " subject UUID NOT NULL, purpose VARCHAR(512) NOT NULL, state VARCHAR(16) NOT NULL,"
            + " recorded_at VARCHAR(40) NOT NULL, source VARCHAR(512) NOT NULL, expires_at VARCHAR(40))");
      }
      String url = postgres.getJdbcUrl("postgres", "postgres") + "&stringtype=unspecified";
      try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ZERO)) {
        ConsentStoreException failure = assertThrows(ConsentStoreException.class,
            () -> ledger.grant("jane.doe@example.com", "marketing", "signup", null));
        assertTrue(failure.getMessage().contains("uuid: \"[subject]\""), failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
          assertFalse(String.valueOf(t.getMessage()).contains("jane.doe"), t.toString());
        }
      }
    }
  }

  /**
   * What else a server's text holds that is shaped like personal data (PostgreSQL's pg_hba refusal
   * names the client's address; here a constraint's name) is masked in the failure.
   */
  @Test
  void aServerMessageHoldingAnAddressIsToldWithItMasked() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection admin = postgres.getPostgresDatabase().getConnection();
          Statement ddl = admin.createStatement()) {
        ddl.execute("CREATE TABLE piiwarden_consent (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " subject VARCHAR(512) NOT NULL, purpose VARCHAR(512) NOT NULL, state VARCHAR(16) NOT NULL,"
            + " recorded_at VARCHAR(40) NOT NULL, source VARCHAR(512) NOT NULL, expires_at VARCHAR(40),"
            + " CONSTRAINT \"ask ops.lead@example.com\" CHECK (source <> 'signup'))");
      }
      String url = postgres.getJdbcUrl("postgres", "postgres");
      try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(url, w -> {}), Duration.ZERO)) {
        ConsentStoreException failure = assertThrows(ConsentStoreException.class,
            () -> ledger.grant("u-1", "marketing", "signup", null));
        assertTrue(failure.getMessage().contains("violates check constraint \"ask [REDACTED:email]\""),
            failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
          assertFalse(String.valueOf(t.getMessage()).contains("ops.lead"), t.toString());
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

  /** A driver given for the URL that refuses it: the URL is malformed, not the driver missing. */
  @Test
  void aUrlTheGivenDriverRefusesIsSaidToBeMalformed() {
    ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open(
        "jdbc:nosuchdb://db:abc/app?user=bob&password=secret", w -> {}, new RefusingDriver()), Duration.ZERO);
    Exception failure = assertThrows(ConsentStoreException.class, () -> ledger.isGranted("u-1", "marketing"));
    assertEquals("cannot read consent store jdbc:nosuchdb://db:abc/app: the JDBC driver given for"
        + " jdbc:nosuchdb: URLs refuses this one as malformed, and no driver on the class path accepts"
        + " it; correct the URL", failure.getMessage());
  }

  /** A driver for the URL's database whose URL parser refuses it, as a bundled driver may. */
  private static final class RefusingDriver implements java.sql.Driver {
    @Override
    public java.sql.Connection connect(String url, java.util.Properties info) {
      return null;
    }

    @Override
    public boolean acceptsURL(String url) {
      return false;
    }

    @Override
    public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
      return new java.sql.DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
      return 1;
    }

    @Override
    public int getMinorVersion() {
      return 0;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getLogger("refusing");
    }
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
    try (Connection connection = DriverManager.getConnection(url)) {
      assertTrue(JdbcConnections.hasIndex(connection, JdbcConsentStore.TABLE, JdbcConsentStore.INDEX),
          "the subject index, created by the first store and found by the second");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}

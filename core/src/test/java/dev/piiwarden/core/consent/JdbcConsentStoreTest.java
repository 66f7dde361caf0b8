package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

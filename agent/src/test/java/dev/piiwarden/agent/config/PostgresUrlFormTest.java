package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start's check of a {@code jdbc:postgresql:} URL against the driver the agent bundles (the
 * same version, unrelocated on the test class path): each URL is refused at start exactly when the
 * driver's {@code acceptsURL} refuses it.
 */
class PostgresUrlFormTest {
  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:postgresql:db", "jdbc:postgresql:", "jdbc:postgresql://", "jdbc:postgresql:///",
      "jdbc:postgresql:///db", "jdbc:postgresql://localhost/db", "jdbc:postgresql://localhost:5432/db",
      "jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary", "jdbc:postgresql://[::1]:5432/db",
      "jdbc:postgresql://[::1]/db", "jdbc:postgresql://localhost/", "jdbc:postgresql://localhost:65535/db",
      "jdbc:postgresql://localhost/db?user=app&password=p%40ss", "jdbc:postgresql://h:+5432/db",
      "jdbc:postgresql://:5432/db", "jdbc:postgresql://localhost/db?ssl", "jdbc:postgresql://localhost/db?port=5433",
      "jdbc:postgresql://localhost/d%20b", "jdbc:postgresql://[::1/db", "jdbc:postgresql://h/db?&&x=1",
      "jdbc:postgresql://h/db?loginTimeout=10&socketTimeout=10", "jdbc:postgresql://h:5432,/db",
      "jdbc:postgresql://h/db?pgport=abc", "jdbc:postgresql://h:1/db?host=a,b&port=1,2",
      "jdbc:postgresql://h/ab?c", "jdbc:postgresql://h/a?b/c", "jdbc:postgresql:a/b",
      "jdbc:postgresql://h/db?dbname=x", "jdbc:postgresql://h/db?port",
      // refused
      "jdbc:postgresql://localhost:abc/db", "jdbc:postgresql://[::1", "jdbc:postgresql://localhost:99999/db",
      "jdbc:postgresql://localhost:0/db", "jdbc:postgresql://localhost:/db", "jdbc:postgresql://localhost",
      "jdbc:postgresql://localhost/db/x", "jdbc:postgresql:/db", "jdbc:postgresql://localhost/db?password=%zz",
      "jdbc:postgresql://localhost/%zz", "jdbc:postgresql:%zz", "jdbc:postgresql://user:secret@localhost/db",
      "jdbc:postgresql://localhost/db?port=abc", "jdbc:postgresql://h1,h2/db?port=5432",
      "jdbc:postgresql://h1/db?port=5432,5433", "jdbc:postgresql://h1/db?host=a,b",
      "jdbc:postgresql://h1:1,h2:2/db?PGPORT=7", "jdbc:postgresql://h/db?port=", "jdbc:postgresql://h/db?a=%",
      "jdbc:postgresql://h/db?dbname=%zz", "jdbc:postgresql://h:99999,g/db", "jdbc:postgresql://h/db?port=99999",
      "jdbc:postgresql://h/db?PGPORT=abc", "jdbc:postgresql://h/db?Port=abc",
      "jdbc:postgresql://h/db?port=5432&port=abc", "jdbc:postgresql:db?port=abc", "jdbc:postgresql:db?host=a,b",
      "jdbc:postgresql://h/db?x=%2", "jdbc:postgresql://h/db?port=1,2", "jdbc:postgresql://h:-1/db",
      "jdbc:postgresql://,/db"})
  void refusedAtStartExactlyWhenTheDriverRefusesIt(String url) {
    assertEquals(driverAccepts(url), PostgresUrlForm.problem(url).isEmpty(),
        url + ": " + PostgresUrlForm.problem(url).orElse("taken"));
  }

  @Test
  void theReasonSaysWhatIsWrongWithoutRepeatingTheUrl() {
    assertEquals(Optional.of("it has a port that is no number from 1 to 65535"),
        PostgresUrlForm.problem("jdbc:postgresql://localhost:abc/db"));
    assertEquals(Optional.of("it has a port that is no number from 1 to 65535 (99999)"),
        PostgresUrlForm.problem("jdbc:postgresql://localhost:99999/db"));
    assertTrue(PostgresUrlForm.problem("jdbc:postgresql://[::1").orElseThrow().startsWith("it has no '/'"));
    for (String secret : List.of("jdbc:postgresql://app:S3cretPw@db/app", "jdbc:postgresql://db:S3cretPw/app",
        "jdbc:postgresql://db/app?password=S3cret%zz")) {
      String reason = PostgresUrlForm.problem(secret).orElseThrow();
      assertFalse(reason.contains("S3cret"), reason);
    }
  }

  private static boolean driverAccepts(String url) {
    try {
      return DRIVER.acceptsURL(url);
    } catch (RuntimeException refused) {
      return false; // the driver fails on a host list of commas only
    }
  }
}

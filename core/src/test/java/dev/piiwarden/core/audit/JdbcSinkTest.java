package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSinkTest {
  @TempDir Path folder;

  @Test
  void postgresqlTableHoldsTheSameChainAndARestartContinuesIt() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Path keyFile = folder.resolve("piiwarden-audit.key");
      for (int run = 0; run < 2; run++) {
        try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink(url)
            .keyFile(keyFile).problems(problem -> { throw new AssertionError(problem); }))) {
          for (int i = 1; i <= 1500; i++) {
            trail.record(AuditFixtures.access(i));
          }
        }
      }
      List<String> lines = new ArrayList<>();
      try (Connection connection = DriverManager.getConnection(url);
          Statement query = connection.createStatement();
          ResultSet rows = query.executeQuery(
              "SELECT seq, type, subject, record FROM piiwarden_audit ORDER BY seq")) {
        while (rows.next()) {
          lines.add(rows.getString("record"));
          assertEquals(lines.size(), rows.getLong("seq"));
          assertEquals("access", rows.getString("type"));
          assertTrue(rows.getString("subject").startsWith("hmac:"));
        }
      }
      assertEquals(3000, lines.size());
      Path exported = AuditFixtures.write(folder.resolve("exported.jsonl"), lines);
      VerificationReport report = new AuditVerifier(AuditKey.load(keyFile)).verify(List.of(exported));
      assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    }
  }

  @Test
  void twoWritersOnOnePostgresqlTableWriteOneChain() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      twoWritersAndAnAppenderWriteOneChain(postgres.getJdbcUrl("postgres", "postgres"));
    }
  }

  @Test
  void twoWritersOnOneSqliteTableWriteOneChain() throws Exception {
    twoWritersAndAnAppenderWriteOneChain("jdbc:sqlite:" + folder.resolve("audit.db"));
  }

  /**
   * Two trails (as two JVMs: each its own connection) and the CLI's appender write the same table
   * at once: no key clash is a failure, nothing is lost, and the table is one chain that verifies.
   */
  private void twoWritersAndAnAppenderWriteOneChain(String url) throws Exception {
    Path keyFile = folder.resolve("piiwarden-audit.key");
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    int perWriter = 3000;
    int appended = 20;
    try (AuditTrail first = AuditTrail.open(AuditTrailOptions.defaults().sink(url)
            .keyFile(keyFile).problems(problems::add));
        AuditTrail second = AuditTrail.open(AuditTrailOptions.defaults().sink(url)
            .keyFile(keyFile).problems(problems::add))) {
      Thread[] callers = new Thread[2];
      AuditTrail[] trails = {first, second};
      for (int t = 0; t < 2; t++) {
        AuditTrail trail = trails[t];
        callers[t] = new Thread(() -> {
          for (int i = 1; i <= perWriter; i++) {
            trail.record(AuditFixtures.access(i));
            if (i % 100 == 0) {
              Thread.yield();
            }
          }
        });
        callers[t].start();
      }
      try (AuditAppender appender = AuditAppender.open(AuditTrailOptions.defaults().sink(url)
          .keyFile(keyFile).problems(problems::add))) {
        for (int i = 0; i < appended; i++) {
          appender.append(AuditEvent.of("consent.changed").detail("n", (long) i).build());
          Thread.sleep(10);
        }
      }
      for (Thread caller : callers) {
        caller.join(60_000);
      }
      assertTrue(first.shutdown());
      assertTrue(second.shutdown());
    }
    assertEquals(List.of(), problems, "contention between writers is no failure");

    List<String> lines = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT seq, record FROM piiwarden_audit ORDER BY seq")) {
      while (rows.next()) {
        lines.add(rows.getString("record"));
        assertEquals(lines.size(), rows.getLong("seq"));
      }
    }
    assertEquals(2 * perWriter + appended, lines.size());
    assertEquals(appended, lines.stream().filter(line -> line.contains("consent.changed")).count());
    Path exported = AuditFixtures.write(folder.resolve("exported.jsonl"), lines);
    VerificationReport report = new AuditVerifier(AuditKey.load(keyFile)).verify(List.of(exported));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
  }

  @Test
  void anUnreachableDatabaseIsReportedOnceWithoutCredentials() throws Exception {
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults()
        .sink("jdbc:postgresql://127.0.0.1:1/nothing?user=bob&password=secret&connectTimeout=1")
        .keyFile(folder.resolve("k.key")).closeTimeout(java.time.Duration.ofMillis(500))
        .problems(problems::add));
    trail.record(AuditFixtures.access(1));
    AuditFixtures.awaitProblem(problems);
    assertTrue(trail.shutdown(), "the record is kept in the spool, not lost");
    assertTrue(problems.get(0).startsWith(
        "audit sink jdbc:postgresql://127.0.0.1:1/nothing failed"), problems.get(0));
    problems.forEach(problem -> assertFalse(problem.contains("secret"), problem));
    assertEquals(1, problems.stream().filter(p -> p.contains(" failed ")).count(), problems.toString());
    assertTrue(Files.exists(folder.resolve("k.key")));
    Path spool = folder.resolve(OtlpSink.DEFAULT_SPOOL_NAME);
    assertEquals(1, Files.readAllLines(spool).size(), problems::toString);
  }
}

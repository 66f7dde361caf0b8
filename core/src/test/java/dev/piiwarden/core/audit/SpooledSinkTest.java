package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jdbc:} trail while its PostgreSQL is down: a real server started on the port the trail
 * could not reach, late.
 */
class SpooledSinkTest {
  @TempDir Path folder;

  @Test
  void aRecordReadBackFromTheSpoolSealsAsTheEventItself() {
    AuditEvent withSubject = AuditFixtures.access(7);
    AuditEvent withoutSubject = AuditEvent.of(AuditEventType.AUDIT_DROPPED)
        .detail("dropped", 3L).detail("note", "a \"quoted\" ,\"subject\":\"x\" text").build();
    ChainPosition elsewhere = new ChainPosition(41, "ab".repeat(32));
    for (AuditEvent event : List.of(withSubject, withoutSubject)) {
      String spooled = new HashChain(AuditFixtures.KEY, ChainPosition.START).seal(event).line();
      AuditEvent restored = AuditEvent.restored(RecordLine.parse(spooled));

      SealedRecord again = new HashChain(AuditFixtures.KEY, elsewhere).seal(restored);
      assertEquals(new HashChain(AuditFixtures.KEY, elsewhere).seal(event).line(), again.line());
      assertEquals(event.ts(), restored.ts());
      assertEquals(event.type(), restored.type());
      assertEquals(event.subject(), restored.subject());
    }
  }

  @Test
  void aDatabaseDownHoldsNoCallerAndGetsEveryRecordInOrderWhenItIsBack() throws Exception {
    int port = freePort();
    String url = url(port);
    Path spool = folder.resolve("spool.jsonl");
    List<String> problems = new CopyOnWriteArrayList<>();
    try (AuditTrail trail = AuditTrail.open(options(url, spool, problems).queueCapacity(4))) {
      downThenBack(trail, port, url, spool, problems);
    }
  }

  private void downThenBack(AuditTrail trail, int port, String url, Path spool,
      List<String> problems) throws Exception {
    // 200 events through a queue of 4 while nothing listens: without the spool they hold the caller
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 1; i <= 200; i++) {
        trail.record(AuditFixtures.access(i));
      }
    });
    awaitLines(spool, 200);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
    String shown = shown(url);
    // (a caller may have waited a moment at the queue of 4 while the first connection was refused)
    String failed = problems.stream().filter(problem -> problem.startsWith("audit sink ")).findFirst()
        .orElseThrow(() -> new AssertionError(problems));
    assertTrue(failed.startsWith("audit sink " + shown + " failed (java.io.IOException:"
        + " cannot open " + shown + ": "), problems::toString);
    assertTrue(failed.endsWith("); the application goes on, audit records are kept in spool"
        + " file " + spool + " and written to the sink when it works again"), problems::toString);

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start()) {
      for (int i = 201; i <= 250; i++) {
        trail.record(AuditFixtures.access(i));
      }
      trail.close();

      assertEquals(subjects(1, 250), tableSubjects(url));
      assertVerifies(url, 250);
      assertFalse(Files.exists(spool), "delivered records are cut from the spool");
      assertEquals(1, problems.stream().filter(problem -> problem.contains(" failed (java.")).count(),
          problems::toString);
      assertTrue(problems.get(problems.size() - 1).matches("audit sink \\Q" + shown
          + "\\E works again; \\d+ spooled audit records were written to it"), problems::toString);
    }
  }

  @Test
  void recordsSpooledWhenTheJvmEndedAreWrittenByTheNextStartAfterWhatOthersWroteMeanwhile()
      throws Exception {
    int port = freePort();
    String url = url(port);
    Path spool = folder.resolve("spool.jsonl");
    List<String> problems = new CopyOnWriteArrayList<>();
    try (AuditTrail trail = AuditTrail.open(options(url, spool, problems))) {
      for (int i = 1; i <= 20; i++) {
        trail.record(AuditFixtures.access(i));
      }
    }
    assertEquals(20, Files.readAllLines(spool).size());
    assertEquals("20 audit records stay in spool file " + spool + "; the next start with audit sink "
        + shown(url) + " writes them there", problems.get(problems.size() - 1));

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start()) {
      // another writer of the table (a replica, the CLI) appends while this one's records wait
      try (AuditAppender other = AuditAppender.open(AuditTrailOptions.defaults().sink(url)
          .key(AuditFixtures.KEY))) {
        for (int i = 101; i <= 103; i++) {
          other.append(AuditFixtures.access(i));
        }
      }
      List<String> later = new CopyOnWriteArrayList<>();
      try (AuditTrail trail = AuditTrail.open(options(url, spool, later))) {
        for (int i = 21; i <= 25; i++) {
          trail.record(AuditFixtures.access(i));
        }
      }

      List<String> expected = subjects(101, 103);
      expected.addAll(subjects(1, 25));
      assertEquals(expected, tableSubjects(url));
      assertVerifies(url, 28);
      assertFalse(Files.exists(spool));
      assertEquals(List.of(), later, "a sink that opens is no news; nor is a spool written at start");
    }
  }

  private AuditTrailOptions options(String url, Path spool, List<String> problems) {
    return AuditTrailOptions.defaults().sink(url).key(AuditFixtures.KEY).spoolFile(spool)
        .problems(problems::add);
  }

  private static String url(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=2";
  }

  /** The URL as messages name it: without its query, where credentials go. */
  private static String shown(String url) {
    return url.substring(0, url.indexOf('?'));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitLines(Path file, int lines) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline
        && (!Files.exists(file) || Files.readAllLines(file).size() < lines)) {
      Thread.sleep(20);
    }
    assertEquals(lines, Files.readAllLines(file).size());
  }

  private static List<String> subjects(int first, int last) {
    List<String> subjects = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      subjects.add(AuditFixtures.access(i).subject());
    }
    return subjects;
  }

  private static List<String> tableSubjects(String url) throws Exception {
    List<String> subjects = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT subject FROM piiwarden_audit ORDER BY seq")) {
      while (rows.next()) {
        subjects.add(rows.getString(1));
      }
    }
    return subjects;
  }

  private void assertVerifies(String url, long last) {
    Path copy = folder.resolve("copy.jsonl");
    JdbcTrail.copy(url, copy);
    VerificationReport report = new AuditVerifier(AuditFixtures.KEY).verify(List.of(copy));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(last, report.last().seq());
  }
}

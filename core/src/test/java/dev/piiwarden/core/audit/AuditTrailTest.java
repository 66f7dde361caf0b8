package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
  @TempDir Path folder;

  private final List<String> problems = new CopyOnWriteArrayList<>();

  @Test
  void rotatedFilesChainIntoEachOtherAndVerifyInOrder() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(options(active).maxFileBytes(4000))) {
      for (int i = 1; i <= 120; i++) {
        trail.record(AuditFixtures.access(i));
      }
    }
    List<Path> files = TrailFiles.inOrder(active);
    assertTrue(files.size() >= 5, files.toString());
    assertEquals(folder.resolve("piiwarden-audit.1.jsonl"), files.get(0));
    assertEquals(active, files.get(files.size() - 1));

    VerificationReport report = verifier().verify(files);
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(120, report.records());

    // a shell glob gives .10. before .2. and the active file first: sorted back into order
    List<Path> globbed = new ArrayList<>(files);
    globbed.sort(null);
    assertEquals(files, TrailFiles.sortedForReading(globbed));
    // the second file starts from the first file's last hash
    List<String> first = Files.readAllLines(files.get(0));
    String firstOfSecond = Files.readAllLines(files.get(1)).get(0);
    String lastHash = new ObjectMapper().readTree(first.get(first.size() - 1)).get("hash").asText();
    assertEquals(lastHash, new ObjectMapper().readTree(firstOfSecond).get("prev").asText());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void aRestartedTrailContinuesTheChain() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    for (int run = 0; run < 3; run++) {
      try (AuditTrail trail = AuditTrail.open(options(active))) {
        trail.record(AuditFixtures.access(run));
        trail.record(AuditFixtures.access(run + 100));
      }
    }
    VerificationReport report = verifier().verify(List.of(active));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(6, report.last().seq());
  }

  @Test
  void aTornTailIsReportedAcknowledgedAndTheChainContinues() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(options(active))) {
      for (int i = 1; i <= 3; i++) {
        trail.record(AuditFixtures.access(i));
      }
    }
    // a crash in the middle of the fourth record, cut inside a multi-byte character
    String fourth = new HashChain(AuditFixtures.KEY, new ChainPosition(3, "0".repeat(64))).seal(
        AuditEvent.of(AuditEventType.ACCESS).actor("caf\u00e9").build()).line();
    byte[] torn = java.util.Arrays.copyOf(fourth.getBytes(StandardCharsets.UTF_8),
        fourth.indexOf('\u00e9') + 1);
    Files.write(active, torn, StandardOpenOption.APPEND);

    VerificationReport beforeRestart = verifier().verify(List.of(active));
    assertEquals(Finding.Kind.TRUNCATED, beforeRestart.finding().orElseThrow().kind());
    assertEquals(4, beforeRestart.finding().orElseThrow().line());

    try (AuditTrail trail = AuditTrail.open(options(active))) {
      trail.record(AuditFixtures.access(5));
    }
    assertEquals(List.of("audit file piiwarden-audit.jsonl: line 4 holds a torn record ("
        + torn.length + " bytes, a crash while writing); the chain continues from seq 3 and an"
        + " audit.recovered record names the torn line"), problems);

    VerificationReport afterRestart = verifier().verify(List.of(active));
    assertTrue(afterRestart.ok(), () -> afterRestart.finding().orElseThrow().describe());
    assertEquals(5, afterRestart.last().seq());
    assertEquals(1, afterRestart.notes().size());
    assertTrue(afterRestart.notes().get(0).startsWith(active + ":4: a torn record (" + torn.length
        + " bytes) from a crash while writing, acknowledged by the restarted writer at seq 4"),
        afterRestart.notes().get(0));
  }

  /**
   * 16 threads record at once into a full queue: every event is written once, each thread's in
   * the order it recorded them, and the chain verifies. The writer seals and the verifier checks
   * every record on one thread each: 16 x 100k took 14 to 21 s on the shared 2-core build machine
   * (load average 11 to 22), 16 x 25k 9 s at load 12, so the build runs 16 x 25k; the queue (8192)
   * is just as full from the first milliseconds. {@code -Dpiiwarden.test.events-per-thread=100000}
   * runs the full count.
   */
  @Test
  void blockModeLosesNothingFrom16ThreadsAtOnce() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    int threads = 16;
    int perThread = Integer.getInteger("piiwarden.test.events-per-thread", 25_000);
    long started = System.nanoTime();
    try (AuditTrail trail = AuditTrail.open(options(active).fsync(FsyncPolicy.never())
        .maxFileBytes(Long.MAX_VALUE).closeTimeout(Duration.ofSeconds(60)))) {
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String actor = "t" + t;
        Thread writer = new Thread(() -> {
          for (int i = 0; i < perThread; i++) {
            trail.record(AuditEvent.of(AuditEventType.ACCESS).actor(actor)
                .activity("com.acme.Users#fetch(java.lang.String)").detail("n", i).build());
          }
        });
        writers.add(writer);
        writer.start();
      }
      for (Thread writer : writers) {
        writer.join();
      }
      assertTrue(trail.shutdown());
      assertEquals(0, trail.droppedCount());
    }
    long written = System.nanoTime();
    VerificationReport report = verifier().verify(List.of(active));
    System.out.printf("block mode: %d events written in %d ms, verified in %d ms%n",
        threads * perThread, (written - started) / 1_000_000,
        (System.nanoTime() - written) / 1_000_000);
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals((long) threads * perThread, report.records());

    int[] next = new int[threads];
    try (var lines = Files.lines(active, StandardCharsets.UTF_8)) {
      lines.filter(line -> line.contains("\"type\":\"access\"")).forEach(line -> {
        int thread = Integer.parseInt(between(line, "\"actor\":\"t", "\""));
        int n = Integer.parseInt(between(line, "\"n\":", ","));
        assertEquals(next[thread]++, n, "thread " + thread + "'s events in order, none lost or doubled");
      });
    }
    for (int t = 0; t < threads; t++) {
      assertEquals(perThread, next[t], "events of thread " + t);
    }
  }

  private static String between(String line, String before, String after) {
    int start = line.indexOf(before) + before.length();
    return line.substring(start, line.indexOf(after, start));
  }

  @Test
  void dropModeCountsWhatASlowSinkCouldNotTake() {
    RecordingSink sink = new RecordingSink();
    sink.millisPerBatch = 5;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().overflow(OverflowPolicy.DROP).queueCapacity(16)
            .problems(problems::add));
    for (int i = 0; i < 5000; i++) {
      trail.record(AuditFixtures.access(i));
    }
    assertTrue(trail.shutdown());

    long dropped = droppedInEvents(sink);
    assertTrue(trail.droppedCount() > 0);
    assertEquals(trail.droppedCount(), dropped);
    assertEquals(5000, sink.count("access") + dropped);
    assertEquals(1, problems.stream().filter(line -> line.startsWith("the audit queue is full")).count(),
        "the first drop is reported, once: " + problems);
  }

  @Test
  void aFailingStreamIsReportedOnceEventsAreHeldToTheBoundThenDropped() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failing = true;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().overflow(OverflowPolicy.DROP).queueCapacity(100)
            .problems(problems::add));
    for (int i = 0; i < 1000; i++) {
      trail.record(AuditFixtures.access(i)); // the application goes on
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sink.writeCalls.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(sink.writeCalls.get() >= 2, "retried");
    long held = 1000 - trail.droppedCount();
    // the bound: the queue (100) plus the batch the writer took before the first failure (<= 100)
    assertTrue(held >= 100 && held <= 201, "held up to the bound: " + held);
    // the sink's failure and the first drop, once each, in whichever order the threads got there
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(1, problems.stream().filter(line -> line.startsWith("audit sink test:recording failed"
        + " (java.io.IOException: stream closed); the application goes on")).count(), problems.toString());
    assertEquals(1, problems.stream()
        .filter(line -> line.startsWith("the audit queue is full; under overflow drop")).count(), problems.toString());

    sink.failing = false;
    assertTrue(trail.shutdown());
    assertEquals(held, sink.count("access"));
    assertEquals(trail.droppedCount(), droppedInEvents(sink));
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("audit sink test:recording works again; held events are being written",
        problems.get(2));
  }

  /**
   * Each outage is said, and its end: a second failure after "works again" is a new line, also
   * for a listener that says each distinct line once (as the agent's stderr does).
   */
  @Test
  void eachNewOutageAfterARecoveryIsReportedAgainWithItsEnd() throws Exception {
    RecordingSink sink = new RecordingSink();
    java.util.Set<String> said = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink, AuditTrailOptions.defaults()
        .problems(line -> {
          if (said.add(line)) {
            problems.add(line);
          }
        }));
    for (int outage = 1; outage <= 3; outage++) {
      sink.failing = true;
      trail.record(AuditFixtures.access(outage));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (problems.size() < 2 * outage - 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      sink.failing = false;
      while (sink.count("access") < outage && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    assertTrue(trail.shutdown());
    assertEquals(List.of(
        "audit sink test:recording failed (java.io.IOException: stream closed); the application"
            + " goes on, events are held up to the queue's bound and then the overflow policy"
            + " applies; retrying",
        "audit sink test:recording works again; held events are being written",
        "audit sink test:recording failed again, outage 2 (java.io.IOException: stream closed);"
            + " the application goes on, events are held up to the queue's bound and then the"
            + " overflow policy applies; retrying",
        "audit sink test:recording works again after outage 2; held events are being written",
        "audit sink test:recording failed again, outage 3 (java.io.IOException: stream closed);"
            + " the application goes on, events are held up to the queue's bound and then the"
            + " overflow policy applies; retrying",
        "audit sink test:recording works again after outage 3; held events are being written"),
        problems);
  }

  @Test
  void aFailingStreamInBlockModeHoldsCallersAtTheBoundAndLosesNothing() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failing = true;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().queueCapacity(10).problems(problems::add));
    Thread caller = new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        trail.record(AuditFixtures.access(i));
      }
    });
    caller.start();
    caller.join(500);
    assertTrue(caller.isAlive(), "the caller waits while the queue is full");
    // parked in a timed wait: it looks every 200 ms whether the trail was closed meanwhile
    assertEquals(Thread.State.TIMED_WAITING, caller.getState());

    sink.failing = false;
    caller.join(5000);
    assertFalse(caller.isAlive());
    assertTrue(trail.shutdown());
    assertEquals(50, sink.count("access"));
    assertEquals(0, trail.droppedCount());
    assertEquals(3, problems.size(), problems.toString());
    assertEquals(1, problems.stream().filter(line -> line.equals("the audit queue is full; under"
        + " overflow block, every thread that records an audit event waits until audit sink"
        + " test:recording has taken more, so nothing is lost: if the sink failed (its line says why)"
        + " make it work again, if it is slow make it faster, or choose overflow drop so that those"
        + " threads go on and what is dropped is counted")).count(), problems.toString());
  }

  /** Under block, the first caller held in each outage says so, once however many wait. */
  @Test
  void heldCallersAreReportedOncePerOutageOfTheSink() throws Exception {
    RecordingSink sink = new RecordingSink();
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().queueCapacity(10).problems(problems::add));
    for (int outage = 1; outage <= 2; outage++) {
      sink.failing = true;
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread caller = new Thread(() -> {
          for (int i = 0; i < 20; i++) {
            trail.record(AuditFixtures.access(i));
          }
        });
        callers.add(caller);
        caller.start();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (held(problems).size() < outage && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(500); // the other callers wait at the bound too, and look again every 200 ms
      sink.failing = false;
      for (Thread caller : callers) {
        caller.join(5000);
        assertFalse(caller.isAlive());
      }
    }
    assertTrue(trail.shutdown());
    assertEquals(160, sink.count("access"));
    List<String> held = held(problems);
    assertEquals(2, held.size(), problems.toString());
    assertTrue(held.get(0).startsWith("the audit queue is full; under overflow block, every thread"), held.get(0));
    assertTrue(held.get(1).startsWith("the audit queue is full again, outage 2; under overflow block"), held.get(1));
  }

  @Test
  void aProblemListenerThatAuditsItsProblemsNeverBlocksTheWriter() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failing = true;
    AuditTrail[] trail = new AuditTrail[1];
    trail[0] = AuditTrail.start(AuditFixtures.KEY, sink, AuditTrailOptions.defaults()
        .queueCapacity(2).overflow(OverflowPolicy.DROP)
        .problems(problem -> trail[0].record(AuditEvent.of("agent.problem")
            .detail("message", problem).build())));
    for (int i = 0; i < 10; i++) {
      trail[0].record(AuditFixtures.access(i));
    }
    Thread.sleep(200);
    sink.failing = false;

    assertTrue(trail[0].shutdown());
    // the writer's own two problems are written; the first drop's, recorded by a caller while the
    // queue is full, is itself dropped or written depending on when the writer took its batch
    assertEquals(1, problemsWritten(sink, "failed ("), sink.lines.toString());
    assertEquals(1, problemsWritten(sink, "works again"), sink.lines.toString());
    assertEquals(2 + problemsWritten(sink, "the audit queue is full"), sink.count("agent.problem"),
        sink.lines.toString());
  }

  private static List<String> held(List<String> problems) {
    return problems.stream().filter(line -> line.startsWith("the audit queue is full")).toList();
  }

  private static long problemsWritten(RecordingSink sink, String part) {
    return sink.lines.stream()
        .filter(line -> line.contains("\"type\":\"agent.problem\"") && line.contains(part))
        .count();
  }

  @Test
  void aShutdownWithLastEventsEndsWithinItsTimeoutWhileTheSinkFailsAndTheQueueIsFull()
      throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failing = true;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink, AuditTrailOptions.defaults()
        .queueCapacity(10).closeTimeout(Duration.ofMillis(500)).problems(problems::add));
    Thread caller = new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        trail.record(AuditFixtures.access(i));
      }
    });
    caller.start();
    caller.join(500);
    assertTrue(caller.isAlive(), "the caller waits while the queue is full");

    long started = System.nanoTime();
    Thread hook = new Thread(() -> trail.shutdown(List.of(
        AuditEvent.of("redaction").build(), AuditEvent.of("agent.stopped").build())));
    hook.start();
    hook.join(5000);
    assertFalse(hook.isAlive(), "the shutdown waited for room in the full queue");
    assertTrue(System.nanoTime() - started < Duration.ofMillis(4000).toNanos(),
        "within the close timeout and the writer's 1 s to end, not waiting on the caller");
    caller.join(2000);
    assertFalse(caller.isAlive(), "a caller held at the bound stops waiting once the trail is closed");
    assertTrue(problems.stream().anyMatch(line -> line.matches("[0-9]+ audit events could not be"
        + " written before shutdown \\(sink test:recording\\)")), problems.toString());
    assertTrue(problems.stream().anyMatch(line -> line.matches("[0-9]+ audit events arrived after"
        + " the audit trail was closed at shutdown and were not written: .*")), problems.toString());
    assertEquals(0, sink.count("access"));
  }

  @Test
  void eventsRecordedWhileTheShutdownRunsAreCountedInOneLineAndTheLastEventStaysLast()
      throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.millisPerBatch = 300;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().problems(problems::add));
    trail.record(AuditFixtures.access(1));
    while (sink.writeCalls.get() == 0) {
      Thread.sleep(1); // the writer is now busy with that batch for 300 ms
    }
    Thread hook = new Thread(() -> trail.shutdown(List.of(AuditEvent.of("agent.stopped").build())));
    hook.start();
    Thread.sleep(50);
    for (int i = 2; i <= 6; i++) {
      trail.record(AuditFixtures.access(i)); // a thread still running while the JVM exits
    }
    hook.join(5000);

    List<String> lines = sink.lines;
    assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"agent.stopped\""), lines::toString);
    assertEquals(0, sink.count("audit.dropped"), "no record follows agent.stopped: " + lines);
    assertEquals(5, trail.arrivedAfterClose());
    assertEquals(List.of("5 audit events arrived after the audit trail was closed at shutdown and"
        + " were not written: calls made while the JVM was exiting, by threads still running or by"
        + " other shutdown hooks (their consent decisions still applied). Finish such work before"
        + " the JVM begins to exit to have it audited"), problems);
  }

  @Test
  void theLastEventsOfAShutdownAreWrittenAfterEverythingQueued() throws Exception {
    RecordingSink sink = new RecordingSink();
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink,
        AuditTrailOptions.defaults().problems(problems::add));
    trail.record(AuditFixtures.access(1));
    assertTrue(trail.shutdown(List.of(AuditEvent.of("agent.stopped").build())));
    assertEquals(2, sink.lines.size());
    assertTrue(sink.lines.get(1).contains("\"type\":\"agent.stopped\""), sink.lines.toString());
    assertEquals(List.of(), problems);
  }

  @Test
  void closeWaitsOnlyAsLongAsItsTimeout() {
    RecordingSink sink = new RecordingSink();
    sink.failing = true;
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink, AuditTrailOptions.defaults()
        .closeTimeout(Duration.ofMillis(300)).problems(problems::add));
    trail.record(AuditFixtures.access(1));
    long started = System.nanoTime();

    assertFalse(trail.shutdown());

    assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos());
    assertTrue(problems.contains("1 audit events could not be written before shutdown (sink"
        + " test:recording)"), problems.toString());
  }

  @Test
  void twoTrailsOnOneFileWriteOneChainAcrossRotations() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail first = AuditTrail.open(options(active).maxFileBytes(4000));
        AuditTrail second = AuditTrail.open(options(active).maxFileBytes(4000))) {
      for (int i = 1; i <= 60; i++) {
        first.record(AuditFixtures.access(i));
        second.record(AuditFixtures.access(1000 + i));
      }
    }
    List<Path> files = TrailFiles.inOrder(active);
    assertTrue(files.size() >= 3, files.toString());
    VerificationReport report = verifier().verify(files);
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    assertEquals(120, report.records(), "nothing lost, nothing written twice");
    assertTrue(report.notes().isEmpty(), report.notes()::toString);
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void aTrailFileDeletedWhileWrittenIsReportedOnceAndANewOneBegun() throws Exception {
    Path active = folder.resolve("audit/piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(options(active))) {
      trail.record(AuditFixtures.access(1));
      trail.record(AuditFixtures.access(2));
      awaitLines(active, 2);
      Files.delete(active);
      Files.delete(active.resolveSibling("piiwarden-audit.jsonl.lock"));
      Files.delete(active.getParent());
      trail.record(AuditFixtures.access(3));
      trail.record(AuditFixtures.access(4));
      awaitLines(active, 2);
    }
    List<String> reported = problems.stream().filter(line -> line.contains("was deleted, replaced or moved out of its folder")).toList();
    assertEquals(1, reported.size(), problems.toString());
    assertFalse(reported.get(0).contains("@"), reported.get(0));
    List<String> lines = Files.readAllLines(active);
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(lines.get(0).contains("\"seq\":3,"), lines.get(0));
    VerificationReport report = verifier().verify(List.of(active));
    assertFalse(report.ok(), "the records deleted with the first file show as a gap");
  }

  @Test
  void aTrailFileCutInPlaceWhileWrittenGoesOnFromItsOwnLastRecord() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(options(active))) {
      for (int i = 1; i <= 5; i++) {
        trail.record(AuditFixtures.access(i));
      }
      awaitLines(active, 5);
      long firstTwo = 0;
      for (String line : Files.readAllLines(active).subList(0, 2)) {
        firstTwo += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
      }
      try (java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(active, java.nio.file.StandardOpenOption.WRITE)) {
        channel.truncate(firstTwo); // as logrotate's copytruncate or truncate -s does: same file
      }
      trail.record(AuditFixtures.access(6));
      awaitLines(active, 3);
    }
    List<String> reported = problems.stream().filter(line -> line.contains("shrank from")).toList();
    assertEquals(1, reported.size(), problems.toString());
    List<String> lines = Files.readAllLines(active);
    assertEquals(3, lines.size(), lines::toString);
    assertTrue(lines.get(2).contains("\"seq\":6,"), "seq 3 to 5 are not used again: " + lines.get(2));
    VerificationReport report = verifier().verify(List.of(active));
    Finding finding = report.finding().orElseThrow();
    assertEquals(Finding.Kind.MISSING, finding.kind(), finding::describe);
    assertEquals(3, finding.line());
  }

  static void awaitLines(Path file, int count) throws Exception {
    for (int i = 0; i < 500; i++) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(file + " did not get " + count + " lines");
  }

  @Test
  void theTrailHoldsNoRawSubjectIds() throws Exception {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    List<String> ids = List.of("alice@example.com", "u-1001", "+44 20 7946 0958");
    try (AuditTrail trail = AuditTrail.open(options(active))) {
      for (String id : ids) {
        trail.record(AuditEvent.of(AuditEventType.CONSENT_DENIED)
            .subject(trail.pseudonymizer().pseudonym(id))
            .purposes("marketing").reason("NOT_GRANTED").build());
      }
    }
    String text = Files.readString(active);
    for (String id : ids) {
      assertFalse(text.contains(id), id);
    }
    assertEquals(1, new AuditQuery(AuditFixtures.KEY).about(List.of(active), "u-1001").size());
  }

  @Test
  void theKeyFileIsCreatedBesideTheTrailByDefault() throws Exception {
    Path active = folder.resolve("audit/piiwarden-audit.jsonl");
    try (AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:" + active)
        .problems(problems::add))) {
      trail.record(AuditFixtures.access(1));
    }
    AuditKey key = AuditKey.load(folder.resolve("audit/piiwarden-audit.key"));
    assertTrue(new AuditVerifier(key).verify(List.of(active)).ok());
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(active)), "the trail is created readable by its owner only");
  }

  private AuditTrailOptions options(Path active) throws Exception {
    Path keyFile = folder.resolve("piiwarden-audit.key");
    if (!Files.exists(keyFile)) {
      Files.write(keyFile, AuditFixtures.KEY_BYTES);
      Files.setPosixFilePermissions(keyFile,
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return AuditTrailOptions.defaults().sink("jsonl:" + active).keyFile(keyFile)
        .fsync(FsyncPolicy.everyRecord()).problems(problems::add);
  }

  /** The sum of the counts of the audit.dropped events the sink got. */
  private static long droppedInEvents(RecordingSink sink) {
    return sink.lines.stream()
        .filter(line -> line.contains("\"type\":\"audit.dropped\""))
        .mapToLong(line -> Long.parseLong(line.replaceAll(".*\"dropped\":(\\d+).*", "$1")))
        .sum();
  }

  private static AuditVerifier verifier() {
    return new AuditVerifier(AuditFixtures.KEY);
  }
}

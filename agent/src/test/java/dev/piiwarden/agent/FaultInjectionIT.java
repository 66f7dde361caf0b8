package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.faults.FaultFixtureApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.VerificationReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Real JVMs under the agent while something around it fails: the consent store down at start,
 * stopped during the run, or accepting connections and never answering; an audit sink that cannot
 * be opened or written; a class that cannot be instrumented; a corrupt inventory fragment; a
 * descriptor that fails while a log line is redacted. Each time the application goes on, the
 * configured policy applies, each failure is one line on stderr and one {@code agent.problem} in
 * the trail, and no subject id or other personal value appears in either.
 */
class FaultInjectionIT {
  private static final String DOWN = "jdbc:postgresql://127.0.0.1:1/consent?connectTimeout=2&password=s3cret";
  private static final String MAIN = FaultFixtureApp.class.getName();
  /**
   * The audit queue's bound (core's default capacity). The sink fails from the start here, so the
   * writer holds no batch of its own besides.
   */
  private static final int AUDIT_BOUND = 8192;

  @TempDir Path folder;

  @Test
  void containedFailuresAreEachReportedOnceOnStderrAndInTheTrail() throws Exception {
    Path trail = folder.resolve("audit/trail.jsonl");
    Path mangled = MangledClass.writeInto(folder.resolve("mangled"));
    FixtureJvm.Result run = FixtureJvm.current()
        .property("piiwarden.consent.store", DOWN)
        .agent("audit.sink=jsonl:" + trail)
        .run(app(List.of(mangled), "contained"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:alive", run.outcome("after.log"), run::toString);
    for (String call : List.of("store.call1", "store.call2", "store.call3", "fragment.first", "fragment.second")) {
      assertEquals("denied:STORE_UNAVAILABLE", run.outcome(call), "on-store-error=deny by default: " + call);
    }
    assertEquals("failed:IllegalStateException", run.outcome("store.grant"));
    assertEquals("ran:sent", run.outcome("mangled"), "a class that cannot be instrumented loads unchanged");
    assertTrue(run.stderr().contains("case=descriptor-1 [REDACTION_FAILED]"), run::toString);
    assertTrue(run.stderr().contains("case=descriptor-2 [REDACTION_FAILED]"), run::toString);

    List<String> reported = agentLines(run.stderr());
    assertEquals(1, count(reported, "piiwarden: cannot read consent store jdbc:postgresql://127.0.0.1:1/consent: "), run::toString);
    assertEquals(1, count(reported, "piiwarden: could not instrument com.acme.fixture.faults.Mangled ("), run::toString);
    assertEquals(1, count(reported, "com.acme.fixture.catalog.Broken"), run::toString);
    assertEquals(1, count(reported, "piiwarden: redaction of "), run::toString);
    // the grant the application could not record is said to the operator as well
    assertEquals(1, count(reported, "piiwarden: cannot write consent store jdbc:postgresql://127.0.0.1:1/consent: "),
        run::toString);
    assertEquals(5, reported.size(), run::toString);

    List<JsonNode> events = verifiedEvents(trail);
    List<String> problems = new ArrayList<>();
    for (JsonNode event : events) {
      if (event.get("type").asText().equals("agent.problem")) {
        problems.add("piiwarden: " + event.get("message").asText());
      }
    }
    assertEquals(reported.stream().sorted().toList(), problems.stream().sorted().toList(),
        "each problem once in the trail, as on stderr");
    assertEquals("agent.stopped", events.get(events.size() - 1).get("type").asText());
    assertNoPersonalData(run.stderr().replace("case=descriptor", ""));
    assertNoPersonalData(Files.readString(trail));
  }

  /**
   * One run against a real PostgreSQL: it works; then its table is held by a lock another
   * connection took (reads wait forever), then it is stopped.
   */
  @Test
  void consentStoreLockedThenStoppedDuringTheRunDeniesAndSaysSoOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      Process process = runLockedStore(postgres, "store-cycle");
      postgres.close();
      FixtureJvm.Result run = FixtureJvm.finish(process, "go\n");

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("ran:recorded", run.outcome("up.grant"), run::toString);
      assertEquals("ran:sent", run.outcome("up.call"), run::toString);
      for (String phase : List.of("slow", "down")) {
        for (String call : List.of(".call1", ".call2", ".call3")) {
          assertEquals("denied:STORE_UNAVAILABLE", run.outcome(phase + call), run::toString);
        }
        assertEquals("failed:IllegalStateException", run.outcome(phase + ".grant"), run::toString);
      }
      List<String> reported = agentLines(run.stderr());
      assertEquals(2, reported.size(), run::toString);
      assertTrue(reported.get(0).startsWith("piiwarden: cannot read consent store jdbc:postgresql://localhost:"),
          reported.get(0));
      assertTrue(reported.get(0).contains("no answer within 3000 ms; consent decisions follow piiwarden.consent"
          + ".on-store-error=deny"), reported.get(0));
      assertTrue(reported.get(1).startsWith("piiwarden: cannot write consent store jdbc:postgresql://localhost:"),
          reported.get(1));
      assertTrue(reported.get(1).endsWith("; the application's Consents.grant calls fail until the store works"
          + " again"), reported.get(1));
      assertNoPersonalData(run.stderr() + run.stdout());
    }
  }

  /**
   * A store that stops answering and then answers again: the outage is said when it begins, with
   * the policy that decides meanwhile, and its end with how many calls that policy decided.
   */
  @Test
  void consentStoreThatAnswersAgainSaysSoWithTheCallsDecidedMeanwhile() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      Process process = runLockedStore(postgres, "store-recovery");
      FixtureJvm.Result run = FixtureJvm.finish(process, "go\n");

      assertEquals(0, run.exitCode(), run::toString);
      for (String call : List.of("slow.call1", "slow.call2", "slow.call3")) {
        assertEquals("denied:STORE_UNAVAILABLE", run.outcome(call), run::toString);
      }
      assertEquals("ran:sent", run.outcome("back.last"), run::toString);
      // a read that timed out may hold the store a moment after the lock is gone: those calls are
      // decided by the policy too, and counted
      long deniedAfter = run.stdout().lines().filter(line -> line.equals("back.denied=STORE_UNAVAILABLE")).count();
      List<String> reported = agentLines(run.stderr());
      assertEquals(2, reported.size(), run::toString);
      assertTrue(reported.get(0).endsWith("; consent decisions follow piiwarden.consent.on-store-error=deny until it"
          + " answers again"), reported.get(0));
      assertTrue(reported.get(1).startsWith("piiwarden: consent store jdbc:postgresql://localhost:"), reported.get(1));
      assertTrue(reported.get(1).endsWith(" answers again; " + (3 + deniedAfter) + " calls were decided by"
          + " piiwarden.consent.on-store-error=deny meanwhile"), reported.get(1));
      assertNoPersonalData(run.stderr() + run.stdout());
    }
  }

  /**
   * Starts {@code scenario} with its consent store in {@code postgres}, locks the store's table
   * when the application says {@code store-up} (so that reads wait until they time out), and
   * unlocks it once the application says {@code store-slow}.
   */
  private static Process runLockedStore(EmbeddedPostgres postgres, String scenario) throws Exception {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres&password=s3cret";
    Process process = FixtureJvm.current()
        .property("piiwarden.consent.store", url)
        .agent("consent.cache-ttl=PT0S,audit.sink=none")
        .start(app(List.of(), scenario));
    awaitLine(process, "phase=store-up");
    try (Connection lock = postgres.getPostgresDatabase().getConnection()) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE piiwarden_consent IN ACCESS EXCLUSIVE MODE");
      }
      proceed(process);
      awaitLine(process, "phase=store-slow");
      lock.rollback();
    }
    return process;
  }

  /** A store that accepts connections and never answers must not hold the application's calls. */
  @Test
  void consentStoreThatNeverAnswersIsGivenUpOnAndPolicyApplies() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      FixtureJvm.Result run = FixtureJvm.current()
          .property("piiwarden.consent.store", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/consent?password=s3cret")
          .agent("audit.sink=none")
          .run(app(List.of(), "store-down"));

      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(silent.accepted() >= 1, "the driver did reach the silent server");
      for (String call : List.of("down.call1", "down.call2", "down.call3")) {
        assertEquals("denied:STORE_UNAVAILABLE", run.outcome(call), run::toString);
      }
      assertEquals("failed:IllegalStateException", run.outcome("down.grant"), run::toString);
      List<String> reported = agentLines(run.stderr());
      assertEquals(2, reported.size(), run::toString);
      assertTrue(reported.get(0).contains("on-store-error=deny"), reported.get(0));
      assertTrue(reported.get(1).contains("Consents.grant calls fail"), reported.get(1));
      assertNoPersonalData(run.stderr() + run.stdout());
    }
  }

  @Test
  void consentStoreThatNeverAnswersAllowsWhenConfigured() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      FixtureJvm.Result run = FixtureJvm.current()
          .property("piiwarden.consent.store", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/consent")
          .agent("audit.sink=none,consent.on-store-error=allow")
          .run(app(List.of(), "store-down"));

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("ran:sent", run.outcome("down.call1"), run::toString);
      assertEquals("ran:sent", run.outcome("down.call3"), run::toString);
      assertTrue(String.join("\n", agentLines(run.stderr())).contains("on-store-error=allow"), run::toString);
    }
  }

  /**
   * The audit folder is moved aside and a file put in its way once the trail has begun, until the
   * test removes it. With {@code drop}, calls never wait: events beyond the bound are counted and
   * written as one {@code audit.dropped} once the sink works.
   */
  @Test
  void auditSinkThatFailsDropsBeyondTheBoundUnderDrop() throws Exception {
    Path audit = folder.resolve("audit");
    Path trail = audit.resolve("trail.jsonl");
    int calls = AUDIT_BOUND + 2000;
    Process process = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("audit.key") + ",audit.overflow=drop")
        .start(app(List.of(), "calls", String.valueOf(calls)));
    awaitLine(process, "phase=ready");
    Path earlier = obstruct(audit);
    proceed(process);
    awaitLine(process, "phase=calls-done");
    Files.delete(audit);
    awaitFile(trail);
    FixtureJvm.Result run = FixtureJvm.finish(process, "go\n");

    assertEquals(0, run.exitCode(), run::toString);
    List<JsonNode> events = verifiedEvents(List.of(earlier.resolve("trail.jsonl"), trail), folder.resolve("audit.key"));
    long denied = events.stream().filter(event -> event.get("type").asText().equals("consent.denied")).count();
    long dropped = events.stream().filter(event -> event.get("type").asText().equals("audit.dropped"))
        .mapToLong(event -> event.get("dropped").asLong()).sum();
    assertTrue(dropped > 0, "events beyond the bound were dropped");
    assertTrue(denied >= AUDIT_BOUND, "events up to the bound were held: " + denied);
    assertTrue(denied < calls && denied + dropped >= calls,
        "every call is either written or counted as dropped: " + denied + " written, " + dropped + " dropped");
    List<String> reported = agentLines(run.stderr());
    assertEquals(1, count(reported, "failed ("), run::toString);
    assertEquals(1, count(reported, "works again"), run::toString);
    assertEquals(1, count(reported, "the audit queue is full; under overflow drop"), run::toString);
    assertEquals(0, count(reported, "under overflow block"), run::toString);
    assertNoPersonalData(run.stderr() + Files.readString(trail));
  }

  /**
   * With {@code block} (the default), callers wait at the bound, which one line says as they begin
   * to, and nothing is lost.
   */
  @Test
  void auditSinkThatFailsMakesCallersWaitUnderBlockSaysSoAndLosesNothing() throws Exception {
    Path audit = folder.resolve("audit");
    Path trail = audit.resolve("trail.jsonl");
    int calls = AUDIT_BOUND + 2000;
    Process process = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("audit.key"))
        .start(app(List.of(), "calls", String.valueOf(calls)));
    awaitLine(process, "phase=ready");
    Path earlier = obstruct(audit);
    proceed(process);
    awaitLine(process, "progress=8000");
    // The application is now held at the bound: it cannot print calls=done before the sink works.
    awaitStderr(process, "the audit queue is full; under overflow block, every thread that records"
        + " an audit event waits until audit sink jsonl:" + trail + " has taken more, so nothing is"
        + " lost: if the sink failed (its line says why) make it work again");
    assertFalse(waitForLine(process, "calls=done", 1500), "the calls wait while the queue is full");
    Files.delete(audit);
    awaitLine(process, "phase=calls-done");
    FixtureJvm.Result run = FixtureJvm.finish(process, "go\n");

    assertEquals(0, run.exitCode(), run::toString);
    List<JsonNode> events = verifiedEvents(List.of(earlier.resolve("trail.jsonl"), trail), folder.resolve("audit.key"));
    long denied = events.stream().filter(event -> event.get("type").asText().equals("consent.denied")).count();
    assertEquals(calls, denied, "nothing lost under block");
    assertTrue(events.stream().noneMatch(event -> event.get("type").asText().equals("audit.dropped")));
    List<String> reported = agentLines(run.stderr());
    assertEquals(1, count(reported, "the audit queue is full"), run::toString);
    assertNoPersonalData(run.stderr() + Files.readString(trail));
  }

  /**
   * SIGTERM while the sink fails and the application is held at the bound (overflow block): the
   * shutdown hook records its last events within the close timeout instead of waiting for room in
   * the queue, so the JVM ends in seconds, and says how many events were not written.
   */
  @Test
  void sigtermEndsTheJvmWithinTheCloseTimeoutWhileTheSinkFailsAndTheQueueIsFull() throws Exception {
    Path audit = folder.resolve("audit");
    Process process = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + audit.resolve("trail.jsonl") + ",audit.key-file=" + folder.resolve("audit.key"))
        .start(app(List.of(), "calls", String.valueOf(AUDIT_BOUND + 2000)));
    awaitLine(process, "phase=ready");
    obstruct(audit);
    proceed(process);
    awaitLine(process, "progress=8000");
    assertFalse(waitForLine(process, "calls=done", 1000), "the calls wait while the queue is full");

    long started = System.nanoTime();
    process.destroy(); // SIGTERM
    boolean ended = process.waitFor(20, TimeUnit.SECONDS);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    if (!ended) {
      process.destroyForcibly();
    }
    FixtureJvm.Result run = FixtureJvm.finish(process, null);
    assertTrue(ended, () -> "the JVM was still running 20 s after SIGTERM:\n" + run);
    assertTrue(seconds <= 10, () -> "ended " + seconds + " s after SIGTERM (close timeout 5 s):\n" + run);
    List<String> reported = agentLines(run.stderr());
    assertEquals(1, count(reported, "audit events could not be written before shutdown"), run::toString);
    assertNoPersonalData(run.stderr());
  }

  /**
   * The sink fails, works again, fails again (its folder replaced by a file), works again: each
   * outage and its end is a line on stderr, so the last line always tells the sink's state.
   */
  @Test
  void aSecondOutageAfterTheSinkWorkedAgainIsReportedWithItsEnd() throws Exception {
    Path audit = folder.resolve("audit");
    Path trail = audit.resolve("trail.jsonl");
    Process process = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail + ",audit.key-file=" + folder.resolve("audit.key"))
        .start(app(List.of(), "waves"));
    try {
      obstruct(audit);
      proceed(process);
      awaitLine(process, "wave=1");
      awaitStderr(process, "failed (");
      Files.delete(audit);
      awaitStderr(process, "works again; held events are being written");

      // the trail's folder becomes a file: the next batch cannot begin the trail again there
      replaceFolderWithFile(audit);
      proceed(process);
      awaitLine(process, "wave=2");
      awaitStderr(process, "failed again, outage 2 (");
      Files.delete(audit);
      awaitStderr(process, "works again after outage 2; held events are being written");
    } finally {
      process.getOutputStream().close();
    }
    FixtureJvm.Result run = FixtureJvm.finish(process, null);
    assertEquals(0, run.exitCode(), run::toString);
    List<String> reported = agentLines(run.stderr());
    assertEquals(1, count(reported, "failed ("), run::toString);
    assertEquals(1, count(reported, "failed again, outage 2 ("), run::toString);
    assertEquals(1, count(reported, "works again; held"), run::toString);
    assertEquals(1, count(reported, "works again after outage 2"), run::toString);
    assertNoPersonalData(run.stderr());
  }

  /**
   * Once the trail in {@code audit} holds {@code agent.started}, moves the folder aside (its trail
   * kept, to verify the chain with) and puts a file in its place, so the next batch fails until
   * the test deletes that file. Returns where the folder went.
   */
  private static Path obstruct(Path audit) throws Exception {
    Path trail = audit.resolve("trail.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(trail) && Files.readString(trail).contains("\"type\":\"agent.started\""))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no agent.started in " + trail);
      }
      Thread.sleep(20);
    }
    Path earlier = Files.move(audit, audit.resolveSibling("audit-earlier"));
    Files.writeString(audit, "not a folder");
    return earlier;
  }

  /**
   * Deletes the folder and puts a file in its place; again if the writer began the trail anew
   * there meanwhile (it still writes the agent.problem of "works again").
   */
  private static void replaceFolderWithFile(Path path) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        if (Files.isDirectory(path)) {
          try (var files = Files.list(path)) {
            for (Path file : files.toList()) {
              Files.deleteIfExists(file); // the trail and its lock file
            }
          }
          Files.deleteIfExists(path);
        }
        Files.writeString(path, "not a folder", java.nio.file.StandardOpenOption.CREATE_NEW);
        return;
      } catch (java.nio.file.FileSystemException racedWithTheWriter) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("could not replace " + path + " with a file");
  }

  private static void awaitStderr(Process process, String part) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Path err = FixtureJvm.stderr(process);
    while (System.nanoTime() < deadline) {
      if (Files.readString(err).lines().anyMatch(line -> line.startsWith("piiwarden:") && line.contains(part))) {
        return;
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("no stderr line with '" + part + "':\n" + FixtureJvm.finish(process, null));
  }

  /**
   * A device at the trail path (here /dev/full, where every write fails as on a full disk) is no
   * trail: it is refused at start, before the application runs, rather than failing every write.
   */
  @Test
  void aDeviceAsTheTrailIsRefusedAtStart() throws Exception {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full");

    FixtureJvm.Result run = FixtureJvm.finish(FixtureJvm.current()
        .agent("audit.sink=jsonl:" + full + ",audit.key-file=" + folder.resolve("audit.key"))
        .start(app(List.of(), "calls", "500")), "go\n");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(List.of("piiwarden: configuration error: piiwarden.audit.sink: audit trail /dev/full"
        + " cannot be written (java.nio.file.FileSystemException: /dev/full: exists and is not a"
        + " regular file but a named pipe, device or socket); make sure this user can create and"
        + " write its folder, or give another path (jsonl:<path>)"), agentLines(run.stderr()));
    assertFalse(run.stdout().contains("phase=ready"), run::toString);
  }

  private static List<String> app(List<Path> extra, String... arguments) throws Exception {
    List<String> classPath = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    extra.forEach(path -> classPath.add(path.toString()));
    List<String> command = new ArrayList<>(List.of("-cp", String.join(File.pathSeparator, classPath), MAIN));
    command.addAll(List.of(arguments));
    return command;
  }

  private List<JsonNode> verifiedEvents(Path trail) throws IOException {
    return verifiedEvents(List.of(trail), trail.resolveSibling("piiwarden-audit.key"));
  }

  /** The events of the files, which hold one chain in this order. */
  private static List<JsonNode> verifiedEvents(List<Path> files, Path keyFile) throws IOException {
    VerificationReport report = new AuditVerifier(AuditKey.load(keyFile)).verify(files);
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    List<JsonNode> events = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        events.add(mapper.readTree(line));
      }
    }
    return events;
  }

  private static void assertNoPersonalData(String text) {
    for (String value : List.of(FaultFixtureApp.SUBJECT, FaultFixtureApp.HOLDER, "jane.doe", "s3cret")) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
  }

  /** The agent's own lines: JUL's console handler writes to stderr too. */
  private static List<String> agentLines(String stderr) {
    return stderr.lines().filter(line -> line.startsWith("piiwarden:")).toList();
  }

  private static long count(List<String> lines, String part) {
    return lines.stream().filter(line -> line.contains(part)).count();
  }

  private static void awaitLine(Process process, String line) throws Exception {
    if (!waitForLine(process, line, 60_000)) {
      process.destroyForcibly();
      FixtureJvm.Result result = FixtureJvm.finish(process, null);
      throw new AssertionError("no line " + line + " from the fixture:\n" + result);
    }
  }

  private static boolean waitForLine(Process process, String line, long millis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    Path out = FixtureJvm.stdout(process);
    while (System.nanoTime() < deadline) {
      if (Files.readString(out).lines().anyMatch(line::equals)) {
        return true;
      }
      if (!process.isAlive()) {
        return Files.readString(out).lines().anyMatch(line::equals);
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Lets the fixture go on past its current phase. */
  private static void proceed(Process process) throws IOException {
    process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** Accepts connections and never writes a byte: a database that hangs. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(server.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int accepted() {
      return held.size();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  /**
   * Writes {@code com.acme.fixture.faults.Mangled}: a class the JVM loads (it reads annotations
   * only when asked) whose {@code @ConsentRequired} carries an element value of no known kind, so
   * the agent's class rewriter cannot read it.
   */
  static final class MangledClass {
    private MangledClass() {}

    static Path writeInto(Path folder) throws IOException {
      ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
      writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/acme/fixture/faults/Mangled", null,
          "java/lang/Object", null);
      MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
      init.visitCode();
      init.visitVarInsn(Opcodes.ALOAD, 0);
      init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      init.visitInsn(Opcodes.RETURN);
      init.visitMaxs(0, 0);
      init.visitEnd();
      MethodVisitor send = writer.visitMethod(Opcodes.ACC_PUBLIC, "send", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
      send.visitAttribute(new UnreadableConsentAnnotation());
      send.visitCode();
      send.visitLdcInsn("sent");
      send.visitInsn(Opcodes.ARETURN);
      send.visitMaxs(0, 0);
      send.visitEnd();
      writer.visitEnd();
      Path file = folder.resolve("com/acme/fixture/faults/Mangled.class");
      Files.createDirectories(file.getParent());
      Files.write(file, writer.toByteArray());
      return folder;
    }

    /** {@code RuntimeVisibleAnnotations} written by hand: one {@code @ConsentRequired}, tag 'X'. */
    private static final class UnreadableConsentAnnotation extends Attribute {
      UnreadableConsentAnnotation() {
        super("RuntimeVisibleAnnotations");
      }

      @Override
      protected ByteVector write(ClassWriter writer, byte[] code, int codeLength, int maxStack, int maxLocals) {
        ByteVector bytes = new ByteVector();
        bytes.putShort(1);
        bytes.putShort(writer.newUTF8("Ldev/piiwarden/annotations/ConsentRequired;"));
        bytes.putShort(1);
        bytes.putShort(writer.newUTF8("value"));
        bytes.putByte('X');
        bytes.putShort(writer.newUTF8("marketing"));
        return bytes;
      }
    }
  }
}

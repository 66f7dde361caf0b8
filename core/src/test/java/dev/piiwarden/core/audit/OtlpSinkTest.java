package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The otlp sink against a local OTLP/HTTP receiver that checks the JSON shape. */
class OtlpSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> shapeErrors = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void recordsArriveAsOtlpLogRecordsInOrder() throws Exception {
    int port = startReceiver(0);
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, sink(port), options());
    for (int i = 1; i <= 300; i++) {
      trail.record(AuditFixtures.access(i));
    }
    assertTrue(trail.shutdown());

    assertEquals(List.of(), shapeErrors);
    assertEquals(300, received.size());
    assertChainVerifies();
    assertEquals(List.of(), problems);
  }

  @Test
  void anEndpointThatEndsWithV1LogsIsTheLogsUrlItself() throws Exception {
    int port = startReceiver(0);
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY, new OtlpSink(
        URI.create("http://127.0.0.1:" + port + "/v1/logs"), folder.resolve("spool.jsonl"),
        problems::add), options());
    for (int i = 1; i <= 10; i++) {
      trail.record(AuditFixtures.access(i));
    }
    assertTrue(trail.shutdown());

    assertEquals(List.of(), shapeErrors);
    assertEquals(10, received.size());
    assertEquals(List.of(), problems);
  }

  /**
   * An endpoint with a token in its query and a user and password: the POST goes to /v1/logs with
   * the query after it and the user as Basic authentication; no message shows either.
   */
  @Test
  void credentialsOfTheEndpointAreSentButNeverShownAndTheQueryStaysAfterV1Logs() throws Exception {
    int port = startReceiver(0);
    List<String> seen = new CopyOnWriteArrayList<>();
    server.createContext("/collector/v1/logs", exchange -> {
      try (exchange) {
        seen.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery()
            + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    String endpoint = "http://jane.doe:Pw4111111111111111@127.0.0.1:" + port
        + "/collector/?api_key=Sekr3tT0ken";
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY,
        new OtlpSink(URI.create(endpoint), folder.resolve("spool.jsonl"), problems::add), options());
    trail.record(AuditFixtures.access(1));
    assertTrue(trail.shutdown());

    String basic = java.util.Base64.getEncoder().encodeToString(
        "jane.doe:Pw4111111111111111".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of("/collector/v1/logs?api_key=Sekr3tT0ken Basic " + basic), seen);
    assertEquals("http://127.0.0.1:" + port + "/collector/v1/logs?api_key=Sekr3tT0ken",
        OtlpSink.logsUrl(URI.create(endpoint)).toString());

    int down = freePort();
    String downEndpoint = "http://jane.doe:Pw4111111111111111@127.0.0.1:" + down
        + "/v1/logs?api_key=Sekr3tT0ken";
    OtlpSink unreachable = new OtlpSink(URI.create(downEndpoint), folder.resolve("spool2.jsonl"),
        problems::add);
    AuditTrail downTrail = AuditTrail.start(AuditFixtures.KEY, unreachable, options());
    downTrail.record(AuditFixtures.access(1));
    waitFor(() -> !problems.isEmpty());
    downTrail.shutdown();

    assertEquals("otlp:http://127.0.0.1:" + down + "/v1/logs", unreachable.describe());
    assertTrue(problems.get(0).startsWith("OTLP collector http://127.0.0.1:" + down + "/v1/logs could"
        + " not be reached (java.net.ConnectException);"), problems.get(0));
    long spooled = Files.readAllLines(folder.resolve("spool2.jsonl")).size();
    assertEquals(1, spooled, "the record is kept in the spool");
    assertEquals(spooled + " audit records stay in spool file " + folder.resolve("spool2.jsonl") + "; the next start with"
        + " audit sink otlp:http://127.0.0.1:" + down + "/v1/logs writes them there", problems.get(problems.size() - 1),
        "what is left at exit is said, once: " + problems);
    for (String problem : problems) {
      assertFalse(problem.contains("Pw4111") || problem.contains("Sekr3t") || problem.contains("jane"),
          problem);
    }
    AuditException malformed = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class,
        () -> SinkUri.parse("otlp:http://jane:Pw4111111111111111@host:43 18/?api_key=Sekr3tT0ken"));
    assertFalse(malformed.getMessage().contains("Pw4111") || malformed.getMessage().contains("Sekr3t"),
        malformed.getMessage());
  }

  @Test
  void whileTheCollectorIsDownRecordsAreSpooledThenReplayedInOrder() throws Exception {
    int port = freePort();
    Path spool = folder.resolve("spool.jsonl");
    AuditTrail trail = AuditTrail.start(AuditFixtures.KEY,
        new OtlpSink(URI.create("http://127.0.0.1:" + port), spool, problems::add), options());
    for (int i = 1; i <= 50; i++) {
      trail.record(AuditFixtures.access(i));
    }
    // the sink spools a batch first and says the collector is down after: wait for both
    waitFor(() -> lineCount(spool) == 50 && !problems.isEmpty());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("OTLP collector http://127.0.0.1:" + port + "/v1/logs could"
        + " not be reached (java.net.ConnectException); audit records are kept in spool file"),
        problems.get(0));

    startReceiver(port);
    Thread.sleep(1100); // the spool is replayed at most once a second
    for (int i = 51; i <= 60; i++) {
      trail.record(AuditFixtures.access(i));
    }
    assertTrue(trail.shutdown());

    assertEquals(List.of(), shapeErrors);
    assertEquals(60, received.size());
    assertChainVerifies();
    assertFalse(Files.exists(spool), "the spool is gone once delivered");
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(1).contains("is reachable again; 50 spooled audit records"), problems.get(1));
  }

  @Test
  void aSpoolLeftByAnEarlierRunIsReplayedFirst() throws Exception {
    Path spool = folder.resolve("spool.jsonl");
    List<String> chain = AuditFixtures.chain(5);
    AuditFixtures.write(spool, chain.subList(0, 3));
    int port = startReceiver(0);
    HashChain rest = new HashChain(AuditFixtures.KEY, ChainPosition.START);
    List<SealedRecord> sealed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sealed.add(rest.seal(AuditFixtures.access(i)));
    }
    OtlpSink sink = new OtlpSink(URI.create("http://127.0.0.1:" + port + "/"), spool, problems::add);
    sink.open();
    sink.write(sealed.subList(3, 5));
    sink.close();

    assertEquals(chain, received);
  }

  private void assertChainVerifies() throws IOException {
    Path file = AuditFixtures.write(folder.resolve("received.jsonl"), received);
    VerificationReport report = new AuditVerifier(AuditFixtures.KEY).verify(List.of(file));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
  }

  private OtlpSink sink(int port) {
    return new OtlpSink(URI.create("http://127.0.0.1:" + port), folder.resolve("spool.jsonl"),
        problems::add);
  }

  private AuditTrailOptions options() {
    return AuditTrailOptions.defaults().problems(problems::add);
  }

  private int startReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/v1/logs", exchange -> {
      int status = 200;
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals("/v1/logs")) {
          shapeErrors.add("posted to " + exchange.getRequestURI().getPath());
          status = 404;
        } else if (!"POST".equals(exchange.getRequestMethod())
            || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
          shapeErrors.add("not a JSON POST");
          status = 400;
        } else {
          checkShape(JSON.readTree(exchange.getRequestBody()));
        }
        exchange.sendResponseHeaders(status, -1);
      }
    });
    server.start();
    return server.getAddress().getPort();
  }

  /** resourceLogs[].scopeLogs[].logRecords[] with timeUnixNano, severity, body, attributes. */
  private void checkShape(JsonNode request) {
    for (JsonNode resourceLogs : request.path("resourceLogs")) {
      expect(resourceLogs.path("resource").path("attributes").isArray(), "resource.attributes");
      for (JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
        expect("dev.piiwarden.audit".equals(scopeLogs.path("scope").path("name").asText()), "scope");
        for (JsonNode log : scopeLogs.path("logRecords")) {
          expect(log.path("timeUnixNano").asText().matches("\\d{19}"), "timeUnixNano");
          expect(log.path("severityNumber").asInt() == 9, "severityNumber");
          expect("INFO".equals(log.path("severityText").asText()), "severityText");
          String body = log.path("body").path("stringValue").asText();
          expect(body.startsWith("{\"v\":1,"), "body");
          List<String> keys = new ArrayList<>();
          log.path("attributes").forEach(a -> keys.add(a.path("key").asText()));
          expect(keys.containsAll(List.of("piiwarden.audit.type", "piiwarden.audit.seq",
              "piiwarden.audit.hash", "piiwarden.audit.subject")), "attributes " + keys);
          received.add(body);
        }
      }
    }
    expect(request.path("resourceLogs").size() == 1, "resourceLogs");
  }

  private void expect(boolean ok, String what) {
    if (!ok) {
      shapeErrors.add(what);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long lineCount(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20);
    }
  }
}

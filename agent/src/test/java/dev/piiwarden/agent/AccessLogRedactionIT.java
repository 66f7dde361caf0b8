package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.accesslog.AccessLogFixtureApp;
import com.acme.fixture.logging.PersonalValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real embedded servers (Tomcat, Jetty, Undertow; Quarkus's access log writer; logback-access in
 * Tomcat) in JVMs with the agent write their access logs
 * to real files: a request whose query, referer and forwarded-for header hold personal data is
 * logged with those values redacted and everything else as the server wrote it, and a clean
 * request's line is left alone (loopback client, a Chromium user agent's {@code 119.0.0.0}). The
 * replacements are counted in the audit trail's {@code redaction} events.
 */
class AccessLogRedactionIT {
  private static final Path SERVER_LIBS =
      Path.of(System.getProperty("piiwarden.server-libs", "target/server-libs"));
  private static final Path LOG_MATRIX =
      Path.of(System.getProperty("piiwarden.log-matrix", "target/log-matrix"));
  private static final String CARD_DIGITS = PersonalValues.CARD.replace(" ", "");

  @TempDir Path folder;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tomcat", "jetty", "undertow", "quarkus", "logback-access", "logback-access-1.4",
      "logback-access-latest"})
  void accessLogHoldsNoPersonalDataAndTheRestOfEachLineAsItWas(String server) throws Exception {
    List<String> lines = accessLog(server, null);

    String personal = line(lines, "/orders");
    for (String value : List.of(PersonalValues.EMAIL, CARD_DIGITS, PersonalValues.IP)) {
      assertFalse(personal.contains(value), () -> value + " in " + personal);
    }
    assertTrue(personal.contains("\"GET /orders?email=[REDACTED:email]&card=[REDACTED:card]&page=2 HTTP/1.1\" 200 "),
        personal);
    assertTrue(personal.contains("\"https://shop.example.com/account?mail=[REDACTED:email]\""), personal);
    assertTrue(personal.contains("\"" + AccessLogFixtureApp.USER_AGENT + "\""), personal);
    assertTrue(personal.endsWith(" [REDACTED:ip]"), personal);
    assertTrue(personal.startsWith("127.0.0.1 "), personal);

    String clean = line(lines, "/health");
    assertTrue(clean.startsWith("127.0.0.1 "), clean);
    assertTrue(clean.contains("\"GET " + AccessLogFixtureApp.CLEAN_PATH + " HTTP/1.1\" 200 "), clean);
    assertTrue(clean.contains("\"" + AccessLogFixtureApp.USER_AGENT + "\""), clean);
    assertFalse(clean.contains("REDACTED"), clean);

    assertEquals(Map.of("card", 1, "email", 2, "ip", 1), redactionCounts());
  }

  /** The values replaced per type, from the trail's {@code redaction} events. */
  private Map<String, Integer> redactionCounts() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String record : Files.readAllLines(folder.resolve("piiwarden-audit.jsonl"))) {
      JsonNode event = new ObjectMapper().readTree(record);
      if (event.get("type").asText().equals("redaction")) {
        event.get("counts").fields().forEachRemaining(
            count -> counts.merge(count.getKey(), count.getValue().asInt(), Integer::sum));
      }
    }
    return counts;
  }

  /** Tomcat's JSON access log: each line still a JSON object, each personal value redacted in its field. */
  @Test
  void tomcatsJsonAccessLogStaysJson() throws Exception {
    List<String> lines = accessLog("tomcat-json", "audit.sink=none");
    JsonNode personal = new ObjectMapper().readTree(line(lines, "/orders"));
    assertEquals("GET /orders?email=[REDACTED:email]&card=[REDACTED:card]&page=2 HTTP/1.1",
        personal.get("request").asText(), personal::toString);
    assertEquals("127.0.0.1", personal.get("host").asText(), personal::toString);
    JsonNode headers = personal.get("requestHeaders");
    assertEquals("[REDACTED:ip]", headers.get("X-Forwarded-For").asText(), personal::toString);
    assertEquals("https://shop.example.com/account?mail=[REDACTED:email]", headers.get("Referer").asText());
    assertEquals(AccessLogFixtureApp.USER_AGENT, headers.get("User-Agent").asText());
    JsonNode clean = new ObjectMapper().readTree(line(lines, "/health"));
    assertEquals("GET " + AccessLogFixtureApp.CLEAN_PATH + " HTTP/1.1", clean.get("request").asText());
  }

  /**
   * logback-access through logstash-logback-encoder's {@code LogstashAccessEncoder}, whose
   * providers read the request's fields themselves: each line still a JSON object, each personal
   * value redacted in its field (the message, the request line, the headers), the client kept. Its
   * encoder, its layout (in Logback's layout-wrapping encoder) and its TCP appender (which streams
   * each event to a socket).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logstash-access", "logstash-access-layout", "logstash-access-tcp"})
  void logstashAccessEncodersJsonStaysJsonWithTheValuesRedacted(String encoder) throws Exception {
    List<String> lines = accessLog(encoder, null);
    ObjectMapper json = new ObjectMapper();
    JsonNode personal = json.readTree(line(lines, "/orders"));
    String request = "GET /orders?email=[REDACTED:email]&card=[REDACTED:card]&page=2 HTTP/1.1";
    assertEquals(request, personal.get("requested_url").asText(), personal::toString);
    assertTrue(personal.get("message").asText().contains("\"" + request + "\" 200"), personal::toString);
    assertEquals("127.0.0.1", personal.get("remote_host").asText(), personal::toString);
    JsonNode headers = personal.get("request_headers"); // names in lower case, the encoder's default
    assertEquals("[REDACTED:ip]", headers.get("x-forwarded-for").asText(), personal::toString);
    assertEquals("https://shop.example.com/account?mail=[REDACTED:email]", headers.get("referer").asText());
    assertEquals(AccessLogFixtureApp.USER_AGENT, headers.get("user-agent").asText());
    for (String value : List.of(PersonalValues.EMAIL, CARD_DIGITS, PersonalValues.IP)) {
      assertFalse(personal.toString().contains(value), () -> value + " in " + personal);
    }
    JsonNode clean = json.readTree(line(lines, "/health"));
    assertEquals("GET " + AccessLogFixtureApp.CLEAN_PATH + " HTTP/1.1", clean.get("requested_url").asText());
    assertFalse(clean.toString().contains("REDACTED"), clean::toString);
    assertEquals(Map.of("card", 2, "email", 3, "ip", 1), redactionCounts());
  }

  /**
   * An agent attached to a server that has already written its access log redacts the lines after
   * the attach: the loaded {@code AccessLogValve} is retransformed.
   */
  @Test
  void anAttachedAgentRedactsTheAccessLogOfARunningServer() throws Exception {
    Process app = FixtureJvm.current().directory(folder).start(fixture("tomcat", "attach"));
    AttachIT.awaitReady(app);
    AttachIT.loadAgent(app, "audit.sink=none");
    FixtureJvm.Result result = FixtureJvm.finish(app, "go\n");
    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(result.stderr().contains("piiwarden:"), result::toString);
    List<String> lines = Files.readAllLines(folder.resolve("access.log"));
    assertEquals(3, lines.size(), lines::toString);
    String personal = line(lines, "/orders");
    assertTrue(personal.contains("\"GET /orders?email=[REDACTED:email]&card=[REDACTED:card]&page=2 HTTP/1.1\""),
        personal);
    assertTrue(personal.endsWith(" [REDACTED:ip]"), personal);
  }

  /** {@code redaction.access-logs=false}: the server's lines as it wrote them, the values raw. */
  @Test
  void accessLogsOffLeavesTheServersLinesAsTheyAre() throws Exception {
    String personal = line(accessLog("tomcat", "audit.sink=none,redaction.access-logs=false"), "/orders");
    assertTrue(personal.contains("GET " + AccessLogFixtureApp.PERSONAL_PATH + " HTTP/1.1"), personal);
    assertTrue(personal.endsWith(" " + PersonalValues.IP), personal);
  }

  /**
   * Runs the fixture with {@code server}'s access log; {@code logback-access-1.4} and {@code
   * logback-access-latest} are the {@code logback-access} scenario with logback-access 1.4 ({@code
   * ch.qos.logback.access}) or the newest 2.0, each with its logback-core, in place of 2.0.4's.
   */
  private List<String> accessLog(String server, String agentArguments) throws Exception {
    FixtureJvm.Result result = FixtureJvm.current().agent(agentArguments).directory(folder)
        .run(fixture(server));
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stdout().contains("access log written"), result::toString);
    assertFalse(result.stderr().contains("piiwarden:"), result::toString);
    List<String> lines = Files.readAllLines(folder.resolve("access.log"));
    assertEquals(2, lines.size(), lines::toString);
    return lines;
  }

  /** The fixture's class path and arguments for {@code server}, then {@code extra} arguments. */
  private List<String> fixture(String server, String... extra) throws Exception {
    boolean ownLogback = server.equals("logback-access-1.4") || server.equals("logback-access-latest");
    List<String> classPath = new ArrayList<>(List.of(FixtureJvm.testClasses().toString()));
    try (Stream<Path> jars = Files.list(SERVER_LIBS)) {
      jars.filter(jar -> !ownLogback || !jar.getFileName().toString().startsWith("logback-"))
          .sorted().forEach(jar -> classPath.add(jar.toString()));
    }
    if (ownLogback) {
      try (Stream<Path> jars = Files.list(LOG_MATRIX.resolve(server))) {
        jars.sorted().forEach(jar -> classPath.add(jar.toString()));
      }
    }
    List<String> arguments = new ArrayList<>(List.of("-cp", String.join(File.pathSeparator, classPath),
        AccessLogFixtureApp.class.getName(), ownLogback ? "logback-access" : server, folder.toString()));
    arguments.addAll(List.of(extra));
    return arguments;
  }

  private static String line(List<String> lines, String marker) {
    return lines.stream().filter(line -> line.contains(marker)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + marker + " in " + lines));
  }
}

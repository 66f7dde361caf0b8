package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.fixture.CompatibilityFixtureApp;
import com.acme.fixture.logging.LoggingFixtureApp;
import com.acme.fixture.logging.PersonalValues;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent beside the OpenTelemetry Java agent (fetched by the build into {@code target/otel}),
 * with the {@code -javaagent} flags in both orders, on JDK 17 and 25: consent is still enforced,
 * Logback's file still redacted, and the log records OpenTelemetry exports over OTLP (to a
 * receiver in the test, {@code http/protobuf}) hold no personal data either. OpenTelemetry reads
 * Logback events at the start of {@code Logger#callAppenders} and java.util.logging records at the
 * start of {@code Logger#log(LogRecord)}, the methods the agent hooks; Log4j2 events in the Log4j
 * API, before the agent's hook, which the agent says.
 */
class OpenTelemetryAgentIT {
  private static final Path OTEL_AGENT =
      Path.of(System.getProperty("piiwarden.otel-agent", "target/otel/opentelemetry-javaagent.jar"));
  private static final Path LOG_LIBS = Path.of(System.getProperty("piiwarden.log-libs", "target/log-libs"));
  private static final List<String> LOGBACK = List.of("slf4j-api", "logback-classic", "logback-core");
  private static final List<String> LOG4J = List.of("log4j-api", "log4j-core");
  private static final String ORDER_LINE =
      "piiwarden: the OpenTelemetry Java agent was started after this agent and exports log records: a"
          + " Logback event handed to Logger#callAppenders, or a java.util.logging record handed to"
          + " Logger#log(LogRecord), by code outside that logger reaches its log export before redaction;"
          + " put -javaagent:piiwarden-agent.jar after the OpenTelemetry agent's -javaagent (or set"
          + " otel.logs.exporter=none)";
  private static final String LOG4J2_LINE =
      "piiwarden: the OpenTelemetry Java agent exports Log4j2 events as log records and reads them in the"
          + " Log4j API, before this agent redacts them, so those records carry personal data; set"
          + " otel.instrumentation.log4j-appender.enabled=false (or otel.logs.exporter=none)";

  @TempDir Path folder;
  private HttpServer collector;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  /** An OTLP/HTTP receiver: keeps the body of every export of log records. */
  @BeforeEach
  void startCollector() throws Exception {
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/v1/logs", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (received) {
          received.writeBytes(body);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      }
    });
    collector.start();
  }

  @AfterEach
  void stopCollector() {
    collector.stop(0);
  }

  @ParameterizedTest(name = "JDK {0}, {1} first")
  @CsvSource({"17, piiwarden", "17, opentelemetry", "25, piiwarden", "25, opentelemetry"})
  void consentIsEnforcedAndLogsAreRedactedInTheFileAndInOpenTelemetrysExport(int jdk, String first)
      throws Exception {
    Path javaHome = jdk == 17 ? Path.of(System.getProperty("java.home")) : FixtureJvm.JDK25;
    assumeTrue(Files.isDirectory(javaHome), "JDK " + jdk + " is not installed at " + javaHome);
    Path log = folder.resolve("app.log");
    FixtureJvm.Result run = exportingLogs(agents(FixtureJvm.withJava(javaHome), first))
        .property("logFile", log.toString())
        .property("logback.configurationFile", FixtureJvm.testClasses().resolve("logging/logback-file.xml").toString())
        .run(List.of("-cp", classPath(LOGBACK), CompatibilityFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("opentelemetry-javaagent - version: "), "OpenTelemetry ran: " + run);
    assertEquals("denied:NOT_GRANTED", run.outcome("notGranted"));
    assertEquals("ran:sent", run.outcome("granted"));
    assertEquals("ran:0", run.outcome("skipped"));
    assertEquals(first.equals("piiwarden") ? List.of(ORDER_LINE) : List.of(), agentLines(run), run::toString);

    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertTrue(text.contains("INFO fixture case=message mail [REDACTED:email] tel [REDACTED:phone]"), text);
    assertTrue(text.contains("INFO fixture case=mdc ordinary text mdc=[customer=[REDACTED:email]]"), text);
    assertTrue(text.contains("INFO fixture case=clean order 1234 shipped mdc="), text);
    assertEquals(1, text.lines().filter(line -> line.contains("case=message")).count(), "logged once: " + text);

    String exported = exported();
    assertNoPersonalData(exported);
    assertTrue(exported.contains("case=message mail [REDACTED:email] tel [REDACTED:phone]"), exported);
    assertTrue(exported.contains("case=clean order 1234 shipped"), exported);
    assertTrue(exported.contains("could not bill [REDACTED:email]"), exported);
    assertTrue(exported.contains("java.lang.IllegalStateException: could not bill [REDACTED:email]"), exported);
    assertTrue(exported.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"),
        exported);
    assertTrue(exported.contains("Suppressed: java.lang.IllegalStateException: rollback for [REDACTED:phone]"),
        exported);
    assertTrue(exported.contains("case=jul mail [REDACTED:email] tel [REDACTED:phone]"), exported);
    // exception.type names the exception's own class, not the redacted stand-in's
    assertFalse(exported.contains("RedactedThrowable"), exported);
    assertTrue(attribute("exception.type", "java.lang.IllegalStateException").matcher(exported).find(), exported);
    assertTrue(attribute("customer", "[REDACTED:email]").matcher(exported).find(), "MDC attribute: " + exported);
    assertTrue(attribute("phone", "[REDACTED:phone]").matcher(exported).find(), "key-value attribute: " + exported);
  }

  /** With OpenTelemetry's log export off, there is nothing to say. */
  @Test
  void nothingIsSaidWhenOpenTelemetryExportsNoLogs() throws Exception {
    Path log = folder.resolve("app.log");
    FixtureJvm.Result run = agents(FixtureJvm.current(), "piiwarden")
        .property("otel.traces.exporter", "none")
        .property("otel.metrics.exporter", "none")
        .property("otel.logs.exporter", "none")
        .property("logFile", log.toString())
        .property("logback.configurationFile", FixtureJvm.testClasses().resolve("logging/logback-file.xml").toString())
        .run(List.of("-cp", classPath(LOGBACK), CompatibilityFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of(), agentLines(run), run::toString);
    assertNoPersonalData(Files.readString(log));
  }

  /**
   * OpenTelemetry reads Log4j2 events in the Log4j API, before Log4j2's {@code LoggerConfig}, where
   * the agent redacts: in either order the agent says so once; the file is redacted.
   */
  @Test
  void log4j2EventsReadByOpenTelemetryBeforeRedactionAreSaidOnce() throws Exception {
    Path log = folder.resolve("log4j.log");
    FixtureJvm.Result run = exportingLogs(agents(FixtureJvm.current(), "opentelemetry"))
        .property("logFile", log.toString())
        .property("log4j2.configurationFile", FixtureJvm.testClasses().resolve("logging/log4j2-file.xml").toString())
        .run(List.of("-cp", classPath(LOG4J), LoggingFixtureApp.class.getName(), "log4j"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of(LOG4J2_LINE), agentLines(run), run::toString);
    assertNoPersonalData(Files.readString(log));
  }

  private static FixtureJvm agents(FixtureJvm jvm, String first) {
    assertTrue(Files.isRegularFile(OTEL_AGENT), "the build fetched the OpenTelemetry agent: " + OTEL_AGENT);
    return first.equals("opentelemetry")
        ? jvm.option("-javaagent:" + OTEL_AGENT).agent("audit.sink=none")
        : jvm.agent("audit.sink=none").option("-javaagent:" + OTEL_AGENT);
  }

  /** OpenTelemetry exporting log records only, to the test's receiver, each batch at once. */
  private FixtureJvm exportingLogs(FixtureJvm jvm) {
    return jvm
        .property("otel.traces.exporter", "none")
        .property("otel.metrics.exporter", "none")
        .property("otel.logs.exporter", "otlp")
        .property("otel.exporter.otlp.protocol", "http/protobuf")
        .property("otel.exporter.otlp.compression", "none")
        .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort())
        .property("otel.blrp.schedule.delay", "100")
        .property("otel.instrumentation.logback-appender.experimental.capture-mdc-attributes", "*")
        .property("otel.instrumentation.logback-appender.experimental.capture-key-value-pair-attributes", "true");
  }

  /** What the receiver got: protobuf, whose strings stand in it byte for byte. */
  private String exported() {
    synchronized (received) {
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** A log record attribute in protobuf: the key, a few bytes of tags and lengths, the value. */
  private static Pattern attribute(String key, String value) {
    return Pattern.compile(Pattern.quote(key) + "[\\s\\S]{1,8}" + Pattern.quote(value));
  }

  private static List<String> agentLines(FixtureJvm.Result run) {
    return run.stderr().lines().filter(line -> line.startsWith("piiwarden:")).toList();
  }

  private static void assertNoPersonalData(String text) {
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
  }

  private static String classPath(List<String> libraries) throws Exception {
    List<String> entries = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    try (Stream<Path> jars = Files.list(LOG_LIBS)) {
      jars.filter(jar -> libraries.stream().anyMatch(name -> jar.getFileName().toString().startsWith(name)))
          .sorted()
          .forEach(jar -> entries.add(jar.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }
}

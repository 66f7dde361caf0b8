package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.logging.LoggingFixtureApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.acme.fixture.logging.PersonalValues;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log hooks against each supported line of Logback (1.2 with SLF4J 1.7, 1.3, 1.4, 1.5) and against the oldest and
 * the latest Log4j2 (2.17, newest 2.x): the build copies each version into its own folder under
 * {@code target/log-matrix} (agent pom, {@code copy-log-matrix}), the fixture runs on exactly those
 * jars, and the file it writes is checked line by line.
 */
class LogFrameworkVersionsIT {
  private static final Path MATRIX = Path.of(System.getProperty("piiwarden.log-matrix", "target/log-matrix"));
  private static final String MASKED_LINE =
      "mail [REDACTED:email] tel [REDACTED:phone] card [REDACTED:card] iban [REDACTED:iban]"
          + " from [REDACTED:ip] ssn [REDACTED:ssn] password=[REDACTED:credential]";
  private static final String ARGUMENTS =
      "case=arguments user [REDACTED:email] called from [REDACTED:ip] on [REDACTED:phone]";
  private static final String CLEAN = "case=clean order 1234 shipped in 2.5 days, version 1.2.3";

  @TempDir Path folder;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logback-1.2", "logback-1.3", "logback-1.4", "logback-1.5", "logback-latest"})
  void logbackFileHoldsTheRedactedLines(String version) throws Exception {
    String text = run(version, "slf4j", "logback.configurationFile", "logback-matrix.xml");
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc=[]", line(text, "case=message"));
    assertEquals("INFO fixture " + ARGUMENTS + " mdc=[]", line(text, "case=arguments"));
    assertEquals("INFO fixture case=mdc ordinary text mdc=[db.password=[REDACTED:credential], customer=[REDACTED:email]]", line(text, "case=mdc"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc=[]", line(text, "case=annotated "));
    assertEquals("INFO fixture case=descriptor BankAccount{owner=acct-7, iban=******************3000} mdc=[]",
        line(text, "case=descriptor"));
    assertEquals("INFO fixture " + CLEAN + " mdc=[]", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  /**
   * Marker names ({@code %marker}: an event's one marker in 1.2, its marker list from 1.3 on) and
   * the thread name ({@code %thread}) redacted; clean ones as they were.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logback-1.2", "logback-1.3", "logback-1.4", "logback-1.5", "logback-latest"})
  void logbackMarkerAndThreadNamesAreRedacted(String version) throws Exception {
    String text = run(version, "markers-threads", "logback.configurationFile", "logback-markers.xml");
    assertNoPersonalData(text);
    assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker ordinary text", line(text, "case=marker "));
    assertEquals("INFO [main] audit [ user:[REDACTED:email] ] fixture case=marker-child ordinary text",
        line(text, "case=marker-child"));
    if (!version.equals("logback-1.2")) {
      assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker-fluent ordinary text",
          line(text, "case=marker-fluent"));
    }
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread ordinary text", line(text, "case=thread "));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread-again ordinary text",
        line(text, "case=thread-again"));
    assertEquals("INFO [main] billing fixture case=marker-clean ordinary text", line(text, "case=marker-clean"));
    assertEquals("INFO [worker-7]  fixture case=thread-clean ordinary text", line(text, "case=thread-clean"));
    assertEquals("INFO [main]  fixture case=marker-unchanged true", line(text, "case=marker-unchanged"));
  }

  /**
   * Logback 1.2 with the last logstash-logback-encoder for it (7.2): an event's one marker (not a
   * list, as from 1.3 on) and the structured arguments are redacted JSON fields of their own.
   */
  @Test
  void logback12LogstashMarkersAndStructuredArgumentsAreRedacted() throws Exception {
    String text = run("logback-1.2-logstash", "logstash", "logback.configurationFile", "logback-json.xml");
    assertFalse(text.contains("jane.doe@example.com") || text.contains("7946 0958") || text.contains("203.0.113.42"),
        text);
    Map<String, JsonNode> events = new HashMap<>();
    for (String line : text.split("\n")) {
      JsonNode event = new ObjectMapper().readTree(line);
      events.put(event.get("message").asText().replaceFirst(" .*", ""), event);
    }
    assertEquals("[REDACTED:email]", events.get("case=structured").get("email").asText(), text);
    assertEquals("A-10428", events.get("case=markers").get("order").asText(), text);
    assertEquals("[REDACTED:phone]", events.get("case=markers").get("phone").asText(), text);
    assertEquals("[REDACTED:ip]", events.get("case=marker-entries").get("ip").asText(), text);
    assertEquals("{\"mail\":\"[REDACTED:email]\"}", events.get("case=raw-marker").get("contact").toString(), text);
    assertEquals("[REDACTED:ip]", events.get("case=deferred-marker").get("from").asText(), text);
    assertEquals("A-10428", events.get("case=structured-clean").get("order").asText(), text);
  }

  /**
   * SLF4J over java.util.logging (slf4j-jdk14): SLF4J formats a call's arguments before
   * java.util.logging sees the text, so they are handed to the agent first: an annotated argument
   * by its annotations, not by its {@code toString}. SLF4J 2's adapter, its fluent API included
   * (arguments and key-value pairs), and SLF4J 1.7's, whose logging methods each format on their own (one, two and many arguments).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"slf4j-jdk14, slf4j-jul-fluent", "slf4j-1.7-jdk14, slf4j-jul"})
  void slf4jOverJulRendersAnnotatedArgumentsByTheirAnnotations(String version, String scenario)
      throws Exception {
    String text = run(version, scenario, "java.util.logging.config.file", "jul-root.properties");
    assertNoPersonalData(text);
    String patient = "Patient{name=[REDACTED:user.name]}";
    assertEquals("INFO: " + ARGUMENTS, line(text, "case=arguments"));
    assertEquals("INFO: case=annotated " + patient, line(text, "case=annotated"));
    assertEquals("INFO: case=descriptor BankAccount{owner=acct-7, iban=******************3000}",
        line(text, "case=descriptor"));
    assertEquals("INFO: case=two " + patient + " for [REDACTED:email]", line(text, "case=two"));
    assertEquals("WARNING: case=failed-argument " + patient + " failed", line(text, "case=failed-argument"));
    assertTrue(text.contains("case=failed-argument " + patient + " failed" + System.lineSeparator()
        + "java.lang.IllegalStateException: could not bill [REDACTED:email]"), text);
    if (scenario.endsWith("-fluent")) {
      assertEquals("INFO: case=fluent " + patient + " for [REDACTED:email]", line(text, "case=fluent "));
      assertEquals("INFO: case=fluent-one BankAccount{owner=acct-7, iban=******************3000}",
          line(text, "case=fluent-one"));
      // the key-value pairs, which SLF4J writes before the message, an annotated value by its annotations
      assertEquals("INFO: patient=Patient{name=[REDACTED:user.name]} order=A-10428 case=fluent-kv ordinary text",
          line(text, "case=fluent-kv"));
    }
    assertEquals("INFO: " + CLEAN, line(text, "case=clean"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"log4j-2.17", "log4j-latest"})
  void log4jFileHoldsTheRedactedLines(String version) throws Exception {
    String text = run(version, "log4j", "log4j2.configurationFile", "log4j2-file.xml");
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc={}", line(text, "case=message"));
    assertEquals("INFO fixture " + ARGUMENTS + " mdc={}", line(text, "case=arguments"));
    assertEquals("INFO fixture case=mdc ordinary text mdc={customer=[REDACTED:email], password=[REDACTED:credential]}", line(text, "case=mdc"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc={}", line(text, "case=annotated"));
    assertEquals("INFO fixture " + CLEAN + " mdc={}", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  /** Log4j2's {@code %marker} (a parent's name too) and {@code %t}, as for Logback. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"log4j-2.17", "log4j-latest"})
  void log4jMarkerAndThreadNamesAreRedacted(String version) throws Exception {
    String text = run(version, "log4j-markers-threads", "log4j2.configurationFile", "log4j2-markers.xml");
    assertNoPersonalData(text);
    assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker ordinary text", line(text, "case=marker "));
    assertEquals("INFO [main] audit[ user:[REDACTED:email] ] fixture case=marker-parent ordinary text",
        line(text, "case=marker-parent"));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread ordinary text", line(text, "case=thread "));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread-again ordinary text",
        line(text, "case=thread-again"));
    assertEquals("INFO [main] billing fixture case=marker-clean ordinary text", line(text, "case=marker-clean"));
    assertEquals("INFO [worker-7]  fixture case=thread-clean ordinary text", line(text, "case=thread-clean"));
    assertEquals("INFO [main]  fixture case=marker-unchanged true", line(text, "case=marker-unchanged"));
  }

  private String run(String version, String scenario, String configProperty, String config) throws Exception {
    Path libraries = MATRIX.resolve(version);
    List<String> classPath = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    try (Stream<Path> jars = Files.list(libraries)) {
      jars.sorted().forEach(jar -> classPath.add(jar.toString()));
    }
    assertTrue(classPath.size() > 3, "the build copied " + version + " into " + libraries);
    Path log = folder.resolve(version + ".log");
    FixtureJvm.Result result = FixtureJvm.current()
        .agent("audit.sink=none")
        .property("logFile", log.toString())
        .run(List.of("-D" + configProperty + "=" + FixtureJvm.testClasses().resolve("logging").resolve(config),
            "-cp", String.join(File.pathSeparator, classPath), LoggingFixtureApp.class.getName(), scenario));
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stderr().lines().noneMatch(each -> each.startsWith("piiwarden:")), result::toString);
    return Files.readString(log);
  }

  private static void assertNoPersonalData(String text) {
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertFalse(text.contains("REDACTION_FAILED"), text);
  }

  private static void assertExceptionRedactedWithFrames(String text) {
    assertTrue(text.contains("java.lang.IllegalStateException: could not bill [REDACTED:email]"), text);
    assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), text);
    assertTrue(text.contains("at com.acme.fixture.logging.LoggingFixtureApp.failure(LoggingFixtureApp.java:"), text);
  }

  private static String line(String text, String marker) {
    return text.lines().filter(line -> line.contains(marker)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + marker + " in:\n" + text));
  }
}

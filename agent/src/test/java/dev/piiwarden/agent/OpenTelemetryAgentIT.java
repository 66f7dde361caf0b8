package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.fixture.CompatibilityFixtureApp;
import com.acme.fixture.logging.PersonalValues;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent beside the OpenTelemetry Java agent (fetched by the build into {@code target/otel},
 * exporters off), with the {@code -javaagent} flags in both orders, on JDK 17 and 25: consent is
 * still enforced and Logback's file still redacted. OpenTelemetry hooks Logback's {@code
 * callAppenders} too, so the two rewrite the same method.
 */
class OpenTelemetryAgentIT {
  private static final Path OTEL_AGENT =
      Path.of(System.getProperty("piiwarden.otel-agent", "target/otel/opentelemetry-javaagent.jar"));
  private static final Path LOG_LIBS = Path.of(System.getProperty("piiwarden.log-libs", "target/log-libs"));
  private static final List<String> LOGBACK = List.of("slf4j-api", "logback-classic", "logback-core");

  @TempDir Path folder;

  @ParameterizedTest(name = "JDK {0}, {1} first")
  @CsvSource({"17, piiwarden", "17, opentelemetry", "25, piiwarden", "25, opentelemetry"})
  void consentIsEnforcedAndLogsAreRedactedBesideOpenTelemetry(int jdk, String first) throws Exception {
    Path javaHome = jdk == 17 ? Path.of(System.getProperty("java.home")) : FixtureJvm.JDK25;
    assumeTrue(Files.isDirectory(javaHome), "JDK " + jdk + " is not installed at " + javaHome);
    assertTrue(Files.isRegularFile(OTEL_AGENT), "the build fetched the OpenTelemetry agent: " + OTEL_AGENT);
    Path log = folder.resolve("app.log");
    FixtureJvm jvm = FixtureJvm.withJava(javaHome);
    if (first.equals("opentelemetry")) {
      jvm.option("-javaagent:" + OTEL_AGENT).agent("audit.sink=none");
    } else {
      jvm.agent("audit.sink=none").option("-javaagent:" + OTEL_AGENT);
    }
    FixtureJvm.Result run = jvm
        .property("otel.traces.exporter", "none")
        .property("otel.metrics.exporter", "none")
        .property("otel.logs.exporter", "none")
        .property("logFile", log.toString())
        .property("logback.configurationFile", FixtureJvm.testClasses().resolve("logging/logback-file.xml").toString())
        .run(List.of("-cp", classPath(), CompatibilityFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("opentelemetry-javaagent - version: "), "OpenTelemetry ran: " + run);
    assertEquals("denied:NOT_GRANTED", run.outcome("notGranted"));
    assertEquals("ran:sent", run.outcome("granted"));
    assertEquals("ran:0", run.outcome("skipped"));
    assertTrue(run.stderr().lines().noneMatch(line -> line.startsWith("piiwarden:")), run::toString);

    String text = Files.readString(log);
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
    assertTrue(text.contains("INFO fixture case=message mail [REDACTED:email] tel [REDACTED:phone]"), text);
    assertTrue(text.contains("INFO fixture case=mdc ordinary text mdc=[customer=[REDACTED:email]]"), text);
    assertTrue(text.contains("INFO fixture case=clean order 1234 shipped mdc="), text);
    assertEquals(1, text.lines().filter(line -> line.contains("case=message")).count(), "logged once: " + text);
  }

  private static String classPath() throws Exception {
    List<String> entries = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    try (Stream<Path> jars = Files.list(LOG_LIBS)) {
      jars.filter(jar -> LOGBACK.stream().anyMatch(name -> jar.getFileName().toString().startsWith(name)))
          .sorted()
          .forEach(jar -> entries.add(jar.toString()));
    }
    return String.join(File.pathSeparator, entries);
  }
}

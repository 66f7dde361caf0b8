package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.logging.LoggingFixtureApp;
import com.acme.fixture.logging.PersonalValues;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM with the agent logs through Log4j2 arguments whose {@code toString} counts its calls
 * by thread and calls a {@code @ConsentRequired} method under the caller's {@code PrivacyContext}:
 * each is called once per event, on the thread that logged, as without the agent, whether the
 * logger is synchronous, an {@code AsyncLogger} or an {@code AsyncLoggerConfig}; the trail holds a
 * grant for each of those calls and no denial, and the log file is redacted.
 */
class Log4jArgumentRenderingIT {
  private static final Path LOG_LIBS = Path.of(System.getProperty("piiwarden.log-libs", "target/log-libs"));
  private static final List<String> LOG4J = List.of("log4j-api", "log4j-core", "disruptor");
  /** The probes the fixture logs, one per event. */
  private static final String ONCE_EACH_ON_THE_CALLER = "toString={caller=8}";

  @TempDir Path folder;

  @Test
  void synchronousLoggerRendersEachArgumentOnceOnTheCaller() throws Exception {
    assertRenderedOnceAndRedacted("-Dlog4j2.configurationFile=" + config("log4j2-file.xml"));
  }

  @Test
  void asyncLoggerRendersEachArgumentOnceOnTheCaller() throws Exception {
    assertRenderedOnceAndRedacted("-Dlog4j2.configurationFile=" + config("log4j2-file.xml"),
        "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
  }

  @Test
  void asyncLoggerConfigRendersEachArgumentOnceOnTheCaller() throws Exception {
    assertRenderedOnceAndRedacted("-Dlog4j2.configurationFile=" + config("log4j2-async-logger-config.xml"));
  }

  private void assertRenderedOnceAndRedacted(String... jvmOptions) throws Exception {
    Path log = folder.resolve("app.log");
    Path trail = folder.resolve("audit.jsonl");
    List<String> arguments = new ArrayList<>(List.of(jvmOptions));
    arguments.addAll(classPath());
    FixtureJvm.Result result = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail)
        .property("logFile", log.toString())
        .run(arguments);
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stdout().contains(ONCE_EACH_ON_THE_CALLER), result::toString);

    String records = Files.readString(trail);
    assertEquals(0, count(records, "\"type\":\"consent.denied\""), records);
    assertEquals(8, count(records, "\"type\":\"consent.granted\""), records);

    String text = Files.readString(log);
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertFalse(text.contains("REDACTION_FAILED"), text);
    assertEquals("INFO fixture case=counted-clean-0 probe Probe[c0 sent] mdc={}", line(text, "case=counted-clean-0"));
    assertEquals("INFO fixture case=counted-personal-2 probe Probe[p2 sent] for [REDACTED:email] mdc={}",
        line(text, "case=counted-personal-2"));
    assertEquals("INFO fixture case=counted-object Probe[mail [REDACTED:email] sent] mdc={}",
        line(text, "case=counted-object"));
    assertEquals("INFO fixture case=counted-annotated Probe[a sent] for Patient{name=[REDACTED:user.name]} mdc={}",
        line(text, "case=counted-annotated"));
    assertEquals("INFO fixture case=adjacent [REDACTED:card][REDACTED:ssn] mdc={}", line(text, "case=adjacent"));
  }

  private static List<String> classPath() throws Exception {
    List<String> entries = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    try (Stream<Path> jars = Files.list(LOG_LIBS)) {
      jars.filter(jar -> LOG4J.stream().anyMatch(name -> jar.getFileName().toString().startsWith(name)))
          .sorted()
          .forEach(jar -> entries.add(jar.toString()));
    }
    return List.of("-cp", String.join(File.pathSeparator, entries), LoggingFixtureApp.class.getName(),
        "log4j-to-string-count");
  }

  private static String config(String name) throws Exception {
    return FixtureJvm.testClasses().resolve("logging").resolve(name).toString();
  }

  private static String line(String text, String marker) {
    return LogRedactionIT.line(text, marker + " ");
  }

  private static int count(String text, String part) {
    return LogRedactionIT.count(text, part);
  }
}

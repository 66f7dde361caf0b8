package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.AuditFixtureApp;
import com.acme.fixture.ConsentFixtureApp;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java runtime of {@code java.base}, {@code java.logging} and {@code java.instrument} only, as a
 * small {@code jlink} image or {@code --limit-modules} makes it: a {@code file:} store and a {@code
 * jsonl:} trail work; a {@code jdbc:} store or sink, or an {@code otlp:} sink, stops the start
 * saying how to add the module it needs.
 */
class SmallRuntimeIT {
  private static final String SMALL = "java.base,java.logging,java.instrument";
  private static final String DOWN = "jdbc:postgresql://127.0.0.1:1/app?connectTimeout=2&password=s3cret";

  @TempDir Path folder;

  @Test
  void aFileStoreEnforcesConsentAndTheTrailIsWritten() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = small()
        .agent("consent.store=file:" + folder.resolve("consent.jsonl") + ",audit.sink=jsonl:" + trail)
        .run(List.of("-cp", classPath(), AuditFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertTrue(run.outcome("first").startsWith("denied:NOT_GRANTED:"), run::toString);
    assertTrue(run.outcome("granted").startsWith("ran:"), run::toString);
    assertTrue(run.outcome("withdrawn").startsWith("denied:WITHDRAWN:"), run::toString);
    VerificationReport report = new AuditVerifier(AuditKey.load(folder.resolve("piiwarden-audit.key")))
        .verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
    List<String> types = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      types.add(line.replaceFirst(".*\"type\":\"([a-z.]+)\".*", "$1"));
    }
    assertEquals(List.of("agent.started", "consent.denied", "consent.changed", "consent.granted",
        "access", "consent.changed", "consent.denied", "agent.stopped"), types);
  }

  @Test
  void aJdbcStoreStopsTheStartWithTheFix() throws Exception {
    FixtureJvm.Result run = small().agent("consent.store=" + DOWN + ",audit.sink=none")
        .run(List.of("-cp", classPath(), AuditFixtureApp.class.getName()));

    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=done"), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: jdbc: URLs need the"
        + " java.sql module, which this Java runtime does not have; add java.sql to the runtime image"
        + " (jlink --add-modules <its modules>,java.sql), to --limit-modules if Java is started with it, or else"
        + " start Java with --add-modules java.sql\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void aJdbcSinkStopsTheStartWithTheFix() throws Exception {
    FixtureJvm.Result run = small().agent("audit.sink=" + DOWN)
        .run(List.of("-cp", classPath(), AuditFixtureApp.class.getName()));

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(ConsentEnforcementIT.agentLines(run.stderr()).startsWith("piiwarden: configuration"
        + " error: piiwarden.audit.sink: jdbc: URLs need the java.sql module"), run::toString);
    assertFalse(run.stderr().contains("s3cret"), run::toString);
  }

  @Test
  void anOtlpSinkStopsTheStartWithTheFix() throws Exception {
    FixtureJvm.Result run = small().agent("audit.sink=otlp:http://127.0.0.1:1")
        .run(List.of("-cp", classPath(), AuditFixtureApp.class.getName()));

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(ConsentEnforcementIT.agentLines(run.stderr()).startsWith("piiwarden: configuration"
        + " error: piiwarden.audit.sink: otlp: URLs need the java.net.http module"), run::toString);
  }

  /** The fix the line gives works: the store is then used, here one that is down. */
  @Test
  void withTheModuleAddedToTheLimitAJdbcStoreIsUsed() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().option("--limit-modules").option(SMALL + ",java.sql")
        .agent("consent.store=" + DOWN + ",audit.sink=none")
        .run(List.of("-cp", classPath(), ConsentFixtureApp.class.getName(), "store-down"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("denied:STORE_UNAVAILABLE:[marketing.communications.email]", run.outcome("call"), run::toString);
  }

  private static FixtureJvm small() {
    return FixtureJvm.current().option("--limit-modules").option(SMALL);
  }

  private static String classPath() throws Exception {
    return String.join(File.pathSeparator, FixtureJvm.testClasses().toString(),
        FixtureJvm.annotations().toString());
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options from every source, checked at start: a wrong one stops the JVM before main. */
class AgentConfigurationIT {
  @TempDir Path folder;

  @Test
  void badOptionStopsTheJvmBeforeMainWithOneLine() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().property("piiwarden.consent.mode", "enforcing").agent(null).runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=started"), "main never ran");
    assertEquals(
        "piiwarden: configuration error: piiwarden.consent.mode: 'enforcing' is not allowed;"
            + " allowed: enforce, monitor\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void auditAccessAllIsAcceptedAndEnforcementIsUnchanged() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().agent("audit.access=all,audit.sink=none").runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
  }

  @Test
  void auditAccessOutsideItsValuesStopsTheJvmWithTheAllowedOnes() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().agent("audit.access=every,audit.sink=none").runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=started"), "main never ran");
    assertEquals(
        "piiwarden: configuration error: piiwarden.audit.access: 'every' is not allowed;"
            + " allowed: annotated, all, none\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void optionsNotYetImplementedAreValidatedToo() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .env("PIIWARDEN_REDACTION_DETECTORS", "email,fax")
            .agent(null)
            .runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.stderr().contains(
            "piiwarden: configuration error: piiwarden.redaction.detectors: 'fax' is not a detector"),
        run::toString);
  }

  @Test
  void systemPropertyBeatsEnvironmentBeatsArgumentsBeatsFile() throws Exception {
    Path file = folder.resolve("piiwarden.properties");
    Files.writeString(file, "piiwarden.consent.mode=bogus-but-overridden\nconsent.cache-ttl=PT1S\n");
    FixtureJvm.Result run =
        FixtureJvm.current()
            .property("piiwarden.consent.mode", "monitor")
            .env("PIIWARDEN_CONSENT_MODE", "also-bogus")
            .agent("config-file=" + file + ",consent.mode=enforce")
            .runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:sent", run.outcome("notGranted"), "monitor, from the system property, won");
  }

  @Test
  void fileValuesAreUsedAndCheckedWhenNothingOverridesThem() throws Exception {
    Path file = folder.resolve("piiwarden.properties");
    Files.writeString(file, "piiwarden.consent.cache-ttl=five seconds\n");
    FixtureJvm.Result run =
        FixtureJvm.current().agent("config-file=" + file).runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.stderr().contains("piiwarden.consent.cache-ttl: 'five seconds' is not an ISO-8601 duration"),
        run::toString);
  }

  @Test
  void unknownOptionWarnsOnceWithTheClosestKnownName() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .property("piiwarden.consent.stor", "memory:")
            .env("PIIWARDEN_CONSENT_CACHE_TL", "PT1S")
            .agent(null)
            .runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    String agent = ConsentEnforcementIT.agentLines(run.stderr());
    assertEquals(
        "piiwarden: unknown option piiwarden.consent.stor (system property); did you mean"
            + " piiwarden.consent.store?\n"
            + "piiwarden: unknown option PIIWARDEN_CONSENT_CACHE_TL (environment variable); did you"
            + " mean PIIWARDEN_CONSENT_CACHE_TTL?\n",
        agent);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
  }

  @Test
  void disabledAgentLeavesTheApplicationAlone() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("enabled=false").runApp("enforce");
    assertEquals("ran:sent", run.outcome("notGranted"), run::toString);
  }
}

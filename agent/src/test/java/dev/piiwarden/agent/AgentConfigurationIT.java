package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void aBadTaxonomyExtensionStopsTheJvmWithTheLoadersReason() throws Exception {
    Path extension = folder.resolve("t2.json");
    Files.writeString(extension, "{\"cats\":[]}");
    FixtureJvm.Result run = FixtureJvm.current().agent("taxonomy=" + extension + ",audit.sink=none")
        .runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    String line = ConsentEnforcementIT.agentLines(run.stderr());
    assertTrue(line.startsWith("piiwarden: configuration error: piiwarden.taxonomy: not a valid"
        + " taxonomy extension: " + extension + ": unknown section \"cats\"; allowed are"
        + " \"categories\", \"purposes\" and \"subjects\""), line);
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void theClisDebugVariableIsNoUnknownOption() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().env("PIIWARDEN_DEBUG", "1")
        .env("PIIWARDEN_CONSENT_MDOE", "monitor").agent("audit.sink=none").runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("piiwarden: unknown option PIIWARDEN_CONSENT_MDOE (environment variable); did you"
        + " mean PIIWARDEN_CONSENT_MODE?\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void anUnknownOptionNameShapedLikePersonalDataIsShownMaskedWithoutASuggestion() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().property("piiwarden.jane.doe@example.com", "x")
        .agent("audit.sink=none").runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("piiwarden: unknown option [REDACTED:email] (system property): it looks like an"
        + " e-mail address, not an option name\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void aConfigFileNamedInsideAConfigFileIsSaidToHaveNoEffect() throws Exception {
    Path file = folder.resolve("agent.properties");
    Files.writeString(file, "piiwarden.config-file=" + folder.resolve("other.properties")
        + "\naudit.sink=none\n");
    FixtureJvm.Result run = FixtureJvm.current().agent("config-file=" + file).runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("piiwarden: piiwarden.config-file in " + file + " has no effect: a config file cannot"
        + " name another; remove the entry, or name the file as a system property, environment"
        + " variable or agent argument\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void aKeyFileForTheSinkNoneCreatesNothing() throws Exception {
    Path keyFile = folder.resolve("missing/folder/audit.key");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=none,audit.key-file=" + keyFile)
        .runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(Files.exists(folder.resolve("missing")), "no folder made for a sink that is off");
    assertEquals("piiwarden: piiwarden.audit.key-file " + keyFile + " does not exist and is not"
        + " created while piiwarden.audit.sink=none; pseudonyms use a per-process key. Create the"
        + " key file, or choose an audit sink\n", ConsentEnforcementIT.agentLines(run.stderr()));
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
  }

  @Test
  void anArgumentThatIsNotKeyValueShowsTheQuotingJcmdNeeds() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("monitor").runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: agent arguments: 'monitor' is not key=value (jcmd"
        + " JVMTI.agent_load splits its arguments at spaces and at '=': quote the option string for"
        + " jcmd inside the shell's quotes, jcmd <pid> JVMTI.agent_load /path/piiwarden-agent.jar"
        + " '\"k=v,k=v\"'); allowed: key=value,key=value\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void anOptionGivenTwiceInOneSourceWithTwoValuesStopsTheStartNamingBoth() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current()
        .agent("consent.mode=monitor,audit.sink=none,consent.mode=enforce").runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=started"), "main never ran");
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: given twice in the agent"
        + " arguments, as 'monitor' and as 'enforce'; remove the one that is not meant; allowed:"
        + " enforce, monitor\n", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  /** Some editors begin a UTF-8 file with a byte order mark: the first option still counts. */
  @Test
  void aConfigFileBeginningWithAByteOrderMarkKeepsItsFirstOption() throws Exception {
    Path file = folder.resolve("agent.properties");
    Files.write(file, "\uFEFFpiiwarden.consent.mode=monitor\naudit.sink=none\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    FixtureJvm.Result run = FixtureJvm.current().agent("config-file=" + file).runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("ran:sent", run.outcome("notGranted"), "monitor, from the file's first line");
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
    Files.writeString(file, "piiwarden.consent.mode=enforce\nconsent.cache-ttl=PT1S\n");
    FixtureJvm.Result run =
        FixtureJvm.current()
            .property("piiwarden.consent.mode", "monitor")
            .env("PIIWARDEN_CONSENT_MODE", "enforce")
            .agent("config-file=" + file + ",consent.mode=enforce")
            .runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:sent", run.outcome("notGranted"), "monitor, from the system property, won");
  }

  @Test
  void aWrongValueThatAHigherSourceOverridesStillStopsTheStart() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .env("PIIWARDEN_CONSENT_MODE", "monitor")
            .agent("consent.mode=enforcing")
            .runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: 'enforcing' is not allowed"
        + " (the agent argument, which the environment variable overrides; correct or remove it);"
        + " allowed: enforce, monitor", run.stderr().strip(), run::toString);
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

  /**
   * A TTL too long for the cache to count in nanoseconds would fail every consent check (and let the
   * call through): refused at start with the range allowed.
   */
  @Test
  void aCacheTtlLongerThanAYearStopsTheStartNamingTheRange() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("consent.cache-ttl=P107000D").runApp("enforce");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.cache-ttl: 'P107000D' is longer than"
        + " P365D, the longest TTL allowed; allowed: an ISO-8601"
        + " duration of days and time from PT0S to P365D, such as PT5S", run.stderr().strip(), run::toString);
    assertFalse(run.stdout().contains("main=done"), run::toString);
  }

  @Test
  void unknownOptionWarnsOnceWithTheClosestKnownName() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .property("piiwarden.consent.mod", "monitor")
            .env("PIIWARDEN_CONSENT_CACHE_TL", "PT1S")
            .agent(null)
            .runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    String agent = ConsentEnforcementIT.agentLines(run.stderr());
    assertEquals(
        "piiwarden: unknown option piiwarden.consent.mod (system property); did you mean"
            + " piiwarden.consent.mode?\n"
            + "piiwarden: unknown option PIIWARDEN_CONSENT_CACHE_TL (environment variable); did you"
            + " mean PIIWARDEN_CONSENT_CACHE_TTL?\n",
        agent);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
  }

  /** Helm and similar templates render an empty variable for a value not given: it is unset. */
  @Test
  void anEmptyEnvironmentVariableIsUnsetAndTheDefaultHolds() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().env("PIIWARDEN_CONSENT_MODE", "").agent(null).runApp("enforce");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
  }

  /**
   * A misspelt consent store would start with memory: and lose every consent recorded at the next
   * restart: the start stops instead, naming the option meant.
   */
  @Test
  void aMisspeltConsentStoreStopsTheStart() throws Exception {
    Path ledger = folder.resolve("consent.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("consent.stor=file:" + ledger).runApp("ledger");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("piiwarden: configuration error: piiwarden.consent.stor: unknown option (agent argument);"
        + " did you mean piiwarden.consent.store? Left unset, consent would be kept in memory: and lost at"
        + " restart; correct the name", run.stderr().strip(), run::toString);
    assertFalse(run.stdout().contains("main=done"), run::toString);
  }

  /**
   * The hint weighs the last part of the name, and is left out when nothing is close; a disabled
   * agent still says which names it does not know, so the mistake is seen before it is enabled.
   */
  @Test
  void unknownOptionsAreReportedWithAHintOnlyWhenOneIsCloseAlsoWhenTheAgentIsDisabled() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current()
        .property("piiwarden.consent.ttl", "PT1S")
        .env("PIIWARDEN_AUDIT_KEY", "audit.key")
        .agent("enabled=false,consnt.mode=monitor,foo=1")
        .runApp("send-u1");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:sent", run.outcome("call"), run::toString);
    assertEquals(
        "piiwarden: unknown option piiwarden.consent.ttl (system property); did you mean"
            + " piiwarden.consent.cache-ttl?\n"
            + "piiwarden: unknown option PIIWARDEN_AUDIT_KEY (environment variable); did you mean"
            + " PIIWARDEN_AUDIT_KEY_FILE?\n"
            + "piiwarden: unknown option piiwarden.consnt.mode (agent argument); did you mean"
            + " piiwarden.consent.mode?\n"
            + "piiwarden: unknown option piiwarden.foo (agent argument), ignored: no option of this agent"
            + " has a name close to it\n"
            + "piiwarden: disabled by piiwarden.enabled=false\n",
        ConsentEnforcementIT.agentLines(run.stderr()));
  }

  /**
   * A handful of the cases {@code config.InvalidOptionValuesTest} checks in-process for every
   * option, here through a real start: one per source, and the values that only the redaction
   * engine or the taxonomy loader would otherwise have refused after {@code main} began.
   */
  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(delimiter = '|', value = {
      "property | piiwarden.consent.store  | redis://cache:6379 | piiwarden.consent.store | memory:, file:<path>, jdbc:<url>",
      "env      | PIIWARDEN_AUDIT_OVERFLOW | wait | piiwarden.audit.overflow | block, drop",
      "argument | redaction.patterns | a*+ | piiwarden.redaction.patterns"
          + " | comma-separated regular expressions without backreferences or lookaround",
      "argument | redaction.keys | pass word | piiwarden.redaction.keys | a comma-separated list of key names",
      "argument | taxonomy | CORRUPT | piiwarden.taxonomy | a readable taxonomy extension file",
      "file     | enabled  | yes     | piiwarden.enabled  | true, false",
      "argument | audit.sink | otlp:https://:4318/ | piiwarden.audit.sink"
          + " | jsonl:<path>, slf4j:<logger>, jdbc:<url>, otlp:<http endpoint>, none",
      "property | piiwarden.consent.store | jdbc:postgresql://localhost:abc/db | piiwarden.consent.store"
          + " | memory:, file:<path>, jdbc:<url>"})
  void invalidValueStopsTheJvmWithOneLineAndNoStackTrace(
      String source, String name, String value, String key, String allowed) throws Exception {
    String given = value.equals("CORRUPT")
        ? Files.writeString(folder.resolve("taxonomy.json"), "{\"categories\": [").toString()
        : value;
    FixtureJvm jvm = FixtureJvm.current();
    switch (source) {
      case "property" -> jvm.property(name, given).agent(null);
      case "env" -> jvm.env(name, given).agent(null);
      case "argument" -> jvm.agent(name + "=" + given);
      default -> jvm.agent("config-file=" + Files.writeString(folder.resolve("agent.properties"), name + "=" + given));
    }
    FixtureJvm.Result run = jvm.runApp("enforce");

    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(run.stdout().contains("main=started"), "main never ran");
    String line = ConsentEnforcementIT.agentLines(run.stderr());
    assertTrue(line.startsWith("piiwarden: configuration error: " + key + ": "), run::toString);
    assertTrue(line.endsWith("; allowed: " + allowed + "\n"), run::toString);
    assertEquals(1, line.lines().count(), run::toString);
    assertFalse(run.stderr().contains("\tat ") || run.stderr().contains("Exception"), "no stack trace: " + run);
  }

  @Test
  void disabledAgentLeavesTheApplicationAlone() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("enabled=false").runApp("enforce");
    assertEquals("ran:sent", run.outcome("notGranted"), run::toString);
  }

  /** Consents names the switch that is off, not "start the JVM with -javaagent" to a JVM that did. */
  @Test
  void consentsWithADisabledAgentSayWhatTurnedItOff() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("enabled=false").runApp("ledger");
    assertEquals("failed:java.lang.IllegalStateException: PII Warden has no consent store: the agent is"
        + " attached but disabled by piiwarden.enabled=false, so it keeps no ledger; remove"
        + " piiwarden.enabled=false (agent argument, -Dpiiwarden.enabled, PIIWARDEN_ENABLED or the config"
        + " file), or put piiwarden-core on the class path and set piiwarden.consent.store",
        run.outcome("grant"), run::toString);

    FixtureJvm.Result without = FixtureJvm.current().runApp("ledger");
    assertTrue(without.outcome("grant").contains("start the JVM with -javaagent:piiwarden-agent.jar"),
        without::toString);
  }
}

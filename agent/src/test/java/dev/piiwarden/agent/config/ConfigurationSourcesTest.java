package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each source is read: the agent arguments and the config file, one value per option each. */
class ConfigurationSourcesTest {
  @TempDir Path folder;

  @Test
  void aByteOrderMarkBeforeTheFirstEntryOfTheFileIsNotPartOfItsName() throws Exception {
    Path file = folder.resolve("agent.properties");
    Files.write(file, ("\uFEFFpiiwarden.consent.mode=monitor\nconsent.cache-ttl=PT1S\n")
        .getBytes(StandardCharsets.UTF_8));

    AgentConfiguration configuration = fromArguments("config-file=" + file);

    assertEquals("monitor", configuration.get(AgentOption.CONSENT_MODE));
    assertEquals("PT1S", configuration.get(AgentOption.CONSENT_CACHE_TTL));
  }

  @Test
  void anOptionGivenTwiceInTheAgentArgumentsWithTwoValuesNamesBoth() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: given twice in the agent"
        + " arguments, as 'monitor' and as 'enforce'; remove the one that is not meant; allowed:"
        + " enforce, monitor", refused("consent.mode=monitor,consent.mode=enforce"));
  }

  @Test
  void theOptionalPrefixDoesNotMakeTwoOptionsOfOne() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: given twice in the agent"
        + " arguments, as 'monitor' and as 'enforce'; remove the one that is not meant; allowed:"
        + " enforce, monitor", refused("piiwarden.consent.mode=monitor,consent.mode=enforce"));
  }

  @Test
  void listValuesAreComparedWhole() throws ConfigurationError {
    assertEquals("piiwarden: configuration error: piiwarden.redaction.detectors: given twice in the"
        + " agent arguments, as 'email,phone' and as 'email,card'; remove the one that is not meant;"
        + " allowed: all or a list of email, phone, card, iban, ip, ssn, credential",
        refused("redaction.detectors=email,phone,redaction.detectors=email,card"));
    assertEquals("email,phone",
        fromArguments("redaction.detectors=email,phone,redaction.detectors=email,phone")
            .get(AgentOption.REDACTION_DETECTORS));
  }

  /** An @ in a file name is no user information: both paths are shown as they were given. */
  @Test
  void filePathsGivenTwiceAreShownAsGiven() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: given twice in the agent"
        + " arguments, as 'file:a@x/c.jsonl' and as 'file:b@x/c.jsonl'; remove the one that is not"
        + " meant; allowed: memory:, file:<path>, jdbc:<url>",
        refused("consent.store=file:a@x/c.jsonl,consent.store=file:b@x/c.jsonl"));
  }

  @Test
  void aStoreGivenTwiceIsShownWithoutCredentials() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: given twice in the agent"
        + " arguments, as 'jdbc:postgresql://db/a' and as 'jdbc:postgresql://db/b'; remove the one"
        + " that is not meant; allowed: memory:, file:<path>, jdbc:<url>",
        refused("consent.store=jdbc:postgresql://db/a?password=s3cret,"
            + "consent.store=jdbc:postgresql://db/b?password=s3cret"));
  }

  @Test
  void anOptionGivenTwiceInTheConfigFileWithTwoValuesNamesBothAndTheFile() throws IOException {
    Path file = folder.resolve("agent.properties");
    Files.writeString(file, "consent.mode=monitor\naudit.sink=none\npiiwarden.consent.mode=enforce\n");

    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: given twice in the config"
        + " file " + file + ", as 'monitor' and as 'enforce'; remove the one that is not meant;"
        + " allowed: enforce, monitor", refused("config-file=" + file));
  }

  @Test
  void theSameValueTwiceIsNoConflict() throws Exception {
    Path file = folder.resolve("agent.properties");
    Files.writeString(file, "consent.mode=monitor\nconsent.mode=monitor \n");

    assertEquals("monitor", fromArguments("config-file=" + file).get(AgentOption.CONSENT_MODE));
    assertEquals("monitor", fromArguments("consent.mode=monitor,consent.mode=monitor").get(AgentOption.CONSENT_MODE));
  }

  @Test
  void anEmptyArgumentBetweenCommasIsRefusedNamingTheOptionBefore() {
    assertEquals("piiwarden: configuration error: agent arguments: an empty option after the value"
        + " of piiwarden.consent.mode (two commas in a row); remove one; allowed: key=value,key=value",
        refused("consent.mode=monitor,,redaction.style=hash"));
    assertEquals("piiwarden: configuration error: agent arguments: an empty option before the first"
        + " comma; remove that comma; allowed: key=value,key=value", refused(",consent.mode=monitor"));
  }

  @Test
  void aValueWithALineBreakOrOfThousandsOfCharactersStillGivesOneShortLine() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: 'mon\\nitor' is not allowed;"
        + " allowed: enforce, monitor", refused("consent.mode=mon\nitor"));
    String line = refused("consent.mode=" + "x".repeat(5000));
    assertTrue(line.length() < 700, line);
    assertTrue(line.startsWith("piiwarden: configuration error: piiwarden.consent.mode: 'xxx"), line);
    assertTrue(line.contains(" characters left out) ... "), line);
    assertTrue(line.endsWith("' is not allowed; allowed: enforce, monitor"), line);
  }

  @Test
  void anArgumentThatIsNotKeyValueShowsTheQuotingJcmdNeeds() {
    assertEquals("piiwarden: configuration error: agent arguments: 'consent.mode' is not key=value"
        + " (jcmd JVMTI.agent_load splits its arguments at spaces and at '=': quote the option"
        + " string for jcmd inside the shell's quotes, jcmd <pid> JVMTI.agent_load"
        + " /path/piiwarden-agent.jar '\"k=v,k=v\"'); allowed: key=value,key=value",
        refused("consent.mode"));
  }

  /** A misspelt store, sink or key file would leave consent in memory:, or the trail elsewhere. */
  @Test
  void anUnknownNameClosestToAnOptionThatSaysWhereDataGoesStopsTheStart() {
    assertEquals("piiwarden: configuration error: piiwarden.consent.stor: unknown option (agent"
        + " argument); did you mean piiwarden.consent.store? Left unset, consent would be kept in"
        + " memory: and lost at restart; correct the name", refused("consent.stor=file:c.jsonl"));
    assertEquals("piiwarden: configuration error: piiwarden.audit.keyfile: unknown option (agent"
        + " argument); did you mean piiwarden.audit.key-file? Left unset, the audit key would be the"
        + " default file beside the trail; correct the name", refused("audit.keyfile=k.key"));
    assertEquals("piiwarden: configuration error: PIIWARDEN_AUDIT_SINC: unknown option (environment"
        + " variable); did you mean PIIWARDEN_AUDIT_SINK? Left unset, the audit trail would be written"
        + " to the default jsonl:piiwarden-audit.jsonl; correct the name",
        assertThrows(ConfigurationError.class, () -> new ConfigurationSources(
            Map.of(), Map.of("PIIWARDEN_AUDIT_SINC", "none"), null).resolve()).line());
  }

  /** Given by its right name too, or with the agent off, nothing would go astray: a warning. */
  @Test
  void aMisspeltDataOptionOnlyWarnsWhenTheOptionIsGivenOrTheAgentIsOff() throws ConfigurationError {
    assertEquals("file:c.jsonl",
        fromArguments("consent.store=file:c.jsonl,consent.stor=file:c.jsonl").get(AgentOption.CONSENT_STORE));
    assertEquals("memory:", fromArguments("enabled=false,consent.stor=file:c.jsonl").get(AgentOption.CONSENT_STORE));
    assertEquals("monitor", fromArguments("consnt.mode=x,consent.mode=monitor").get(AgentOption.CONSENT_MODE));
  }

  @Test
  void aValueThatRunsOnIntoAnotherOptionSaysOptionsAreSeparatedByCommas() {
    String expected = "piiwarden: configuration error: piiwarden.consent.store: its value runs on into"
        + " another option, piiwarden.consent.mode (after a space or ';'); options are separated by ','"
        + " in agent arguments: consent.store=…,consent.mode=…";
    assertEquals(expected, refused("consent.store=file:c.jsonl consent.mode=monitor"));
    assertEquals(expected, refused("consent.store=file:c.jsonl;consent.mode=monitor"));
    assertEquals(expected, refused("consent.store=file:c.jsonl; piiwarden.consent.mode=monitor"));
  }

  @Test
  void aUrlParameterNamedLikeAnOptionWithoutItsPrefixIsNoOption() throws ConfigurationError {
    assertEquals("jdbc:sqlserver://db;enabled=true",
        fromArguments("consent.store=jdbc:sqlserver://db;enabled=true").get(AgentOption.CONSENT_STORE));
  }

  /** A template renders PIIWARDEN_CONSENT_MODE= for a value it was not given: the default holds. */
  @Test
  void anEmptyEnvironmentVariableIsTakenAsUnset() throws ConfigurationError {
    AgentConfiguration configuration = new ConfigurationSources(Map.of(),
        Map.of("PIIWARDEN_CONSENT_MODE", "", "PIIWARDEN_CONSENT_STORE", " ", "PIIWARDEN_ENABLED", ""),
        "consent.store=file:c.jsonl").resolve();
    assertEquals("enforce", configuration.get(AgentOption.CONSENT_MODE));
    assertEquals("file:c.jsonl", configuration.get(AgentOption.CONSENT_STORE));
    assertTrue(configuration.enabled());
  }

  private static AgentConfiguration fromArguments(String arguments) throws ConfigurationError {
    return new ConfigurationSources(Map.of(), Map.of(), arguments).resolve();
  }

  private static String refused(String arguments) {
    return assertThrows(ConfigurationError.class, () -> fromArguments(arguments)).line();
  }
}

package dev.piiwarden.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option of {@link AgentOption} with values it must refuse, given through each source the
 * agent reads, resolved by the code {@code premain} runs ({@link ConfigurationSources#resolve}):
 * the one line names the option and its allowed values. {@code AgentConfigurationIT} starts real
 * JVMs for a few of these and checks the exit code and that nothing else is printed.
 */
class InvalidOptionValuesTest {
  @TempDir static Path folder;

  /** Values each option must refuse; every option has some. */
  private static Map<AgentOption, List<String>> invalid() {
    Map<AgentOption, List<String>> table = new EnumMap<>(AgentOption.class);
    table.put(AgentOption.ENABLED, List.of("yes", "TRUE", "", "true,false"));
    table.put(AgentOption.CONSENT_MODE, List.of("enforcing", "Monitor", ""));
    table.put(AgentOption.CONSENT_STORE, List.of("redis://cache:6379", "file:", "jdbc:", "", "memory",
        "jdbc:postgresql://localhost:abc/db", "jdbc:postgresql://[::1", "jdbc:postgresql://db:5432",
        "file:~/consent.jsonl", "jdbc:sqlite:~/consent.db"));
    table.put(AgentOption.CONSENT_ON_STORE_ERROR, List.of("ignore", "deny,allow"));
    table.put(AgentOption.CONSENT_CACHE_TTL, List.of("5s", "-PT1S", "PT", "", "P366D", "P107000D", "PT1000000000H"));
    table.put(AgentOption.REDACTION_ENABLED, List.of("on", "1"));
    table.put(AgentOption.REDACTION_DETECTORS, List.of("email,fax", "", "EMAIL", "email,,phone"));
    table.put(AgentOption.REDACTION_STYLE, List.of("sha256", "Mask"));
    // The engine's rules, not only the option's: a name or pattern it refuses would leave the
    // logs unredacted, so it must stop the start.
    table.put(AgentOption.REDACTION_KEYS, List.of("a,,b", "pass word", "naïve"));
    table.put(AgentOption.REDACTION_PATTERNS,
        List.of("(a)\\1", "(?=x)y", "[a-", "a*+", "(?>ab)", "\\h+", "\\d*", "x?"));
    table.put(AgentOption.REDACTION_STDOUT, List.of("maybe"));
    table.put(AgentOption.REDACTION_ACCESS_LOGS, List.of("off", "yes"));
    table.put(AgentOption.AUDIT_SINK,
        List.of("kafka:audit", "jsonl:", "slf4j:", "jdbc:", "otlp:ftp://collector", "otlp:http://bad host:4318", "",
            "otlp:https://:4318/", "otlp:http://h:-1/", "otlp:http://h:99999/", "otlp:http://h:0",
            "otlp:http://my_collector:4318", "otlp:localhost:4318", "jdbc:postgresql://localhost:99999/db",
            "jsonl:~/audit.jsonl", "jsonl:~ops/audit.jsonl", "jsonl:trail\0.jsonl", "jdbc:sqlite:~/audit.db"));
    table.put(AgentOption.AUDIT_KEY_FILE, List.of("key\0file", "~/.piiwarden/audit.key"));
    table.put(AgentOption.AUDIT_OVERFLOW, List.of("wait", "Block"));
    table.put(AgentOption.AUDIT_ACCESS, List.of("every", "annotated,all"));
    table.put(AgentOption.TAXONOMY,
        List.of(folder.resolve("absent.json").toString(), folder.toString(), corrupt("taxonomy.json", "{\"categories\": [")));
    table.put(AgentOption.CONFIG_FILE, List.of(folder.resolve("absent.properties").toString(), folder.toString()));
    return table;
  }

  @Test
  void everyOptionHasValuesItMustRefuse() {
    Map<AgentOption, List<String>> table = invalid();
    for (AgentOption option : AgentOption.values()) {
      assertTrue(table.containsKey(option) && !table.get(option).isEmpty(),
          option.key() + " needs invalid values in this table");
    }
  }

  @TestFactory
  List<DynamicTest> eachInvalidValueFromEachSourceIsOneLineNamingTheOptionAndItsAllowedValues() {
    List<DynamicTest> tests = new ArrayList<>();
    invalid().forEach((option, values) -> {
      for (String value : values) {
        String shown = option.key() + "='" + value.replace("\0", "\\0") + "'";
        tests.add(DynamicTest.dynamicTest("system property " + shown,
            () -> assertRefused(option, value, new ConfigurationSources(Map.of(option.key(), value), Map.of(), null))));
        if (value.indexOf('\0') < 0) { // neither an environment variable nor a command line holds NUL
          if (!value.isBlank()) { // an empty variable is taken as unset (ConfigurationSourcesTest)
            tests.add(DynamicTest.dynamicTest("environment " + shown,
                () -> assertRefused(option, value,
                    new ConfigurationSources(Map.of(), Map.of(option.environmentName(), value), null))));
          }
          tests.add(DynamicTest.dynamicTest("agent argument " + shown,
              () -> assertRefused(option, value,
                  new ConfigurationSources(Map.of(), Map.of(), sinkOff(option) + argumentName(option) + "=" + value))));
        }
      }
    });
    return tests;
  }

  /**
   * An option's wrong value is quoted so the operator sees what to fix, but masked when it is
   * shaped like personal data: the line goes to stderr and into the JVM's log collection.
   */
  @Test
  void aValueShapedLikePersonalDataIsShownMaskedWhereverItIsRefused() {
    int refused = 0;
    for (AgentOption option : AgentOption.values()) {
      for (String value : List.of("jane.doe@example.com", "4111111111111111")) {
        ConfigurationSources sources = new ConfigurationSources(Map.of(option.key(), value), Map.of(), null);
        try {
          sources.resolve();
        } catch (ConfigurationError error) {
          refused++;
          assertFalse(error.line().contains(value), error.line());
          assertFalse(error.line().contains("jane"), error.line());
        }
      }
    }
    assertTrue(refused > 20, "most options refuse such values: " + refused);
    ConfigurationError mode = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.consent.mode", "jane.doe@example.com"), Map.of(), null)::resolve);
    assertEquals("piiwarden: configuration error: piiwarden.consent.mode: '[REDACTED:email]' is not"
        + " allowed; allowed: enforce, monitor", mode.line());
    ConfigurationError detectors = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.redaction.detectors", "email,4111111111111111"), Map.of(), null)::resolve);
    assertTrue(detectors.line().contains("'[REDACTED:card]' is not a detector"), detectors.line());
  }

  /**
   * An OTLP endpoint the HTTP client would refuse at every try: said at start with what is wrong,
   * the URL without its user information and query.
   */
  @Test
  void anOtlpEndpointWithoutAHostOrWithABadPortIsRefusedSayingWhich() {
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: 'otlp:https://:4318/' has no"
        + " host; allowed: " + AgentOption.AUDIT_SINK.allowed(), sinkLine("otlp:https://:4318/"));
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: 'otlp:http://h:99999/' has"
        + " port 99999, which is not a number from 1 to 65535; allowed: " + AgentOption.AUDIT_SINK.allowed(),
        sinkLine("otlp:http://h:99999/"));
    assertTrue(sinkLine("otlp:http://h:-1/").contains("'otlp:http://h:-1/' has port '-1', which is not a"
        + " number from 1 to 65535"), sinkLine("otlp:http://h:-1/"));
    String secret = sinkLine("otlp:https://jane:S3cretPw@:4318/v1/logs?api_key=T0kenT0ken");
    assertTrue(secret.contains("'otlp:https://:4318/v1/logs' has no host"), secret);
    assertFalse(secret.contains("S3cret") || secret.contains("T0ken") || secret.contains("jane"), secret);
  }

  @Test
  void otlpEndpointsTheHttpClientTakesPass() throws ConfigurationError {
    for (String sink : List.of("otlp:http://collector:4318", "otlp:https://[::1]:4318/v1/logs?api_key=x",
        "otlp:http://10.0.0.7", "otlp:https://user:pw@collector.example.com/otlp", "otlp:http://h:65535/")) {
      assertEquals(sink, new ConfigurationSources(Map.of("piiwarden.audit.sink", sink), Map.of(), null)
          .resolve().get(AgentOption.AUDIT_SINK));
    }
  }

  /**
   * A URL the bundled PostgreSQL driver refuses could never be opened: said at start as malformed
   * with the driver's reason, not later as a store that is down for want of a driver.
   */
  @Test
  void aPostgresqlUrlTheBundledDriverRefusesIsMalformedWithoutItsCredentials() {
    ConfigurationError store = assertThrows(ConfigurationError.class, new ConfigurationSources(
        Map.of("piiwarden.consent.store", "jdbc:postgresql://localhost:abc/db?user=app&password=S3cret"),
        Map.of(), null)::resolve);
    assertEquals("piiwarden: configuration error: piiwarden.consent.store: 'jdbc:postgresql://localhost:abc/db'"
        + " is malformed: the PostgreSQL driver the agent bundles refuses it, as it has a port that is no"
        + " number from 1 to 65535; allowed: " + AgentOption.CONSENT_STORE.allowed(), store.line());
    String sink = sinkLine("jdbc:postgresql://app:S3cret@localhost:99999/db");
    assertTrue(sink.startsWith("piiwarden: configuration error: piiwarden.audit.sink:"
        + " 'jdbc:postgresql://localhost:99999/db' is malformed: the PostgreSQL driver the agent bundles"
        + " refuses it, as it has user information (user:password@) before the host"), sink);
    assertFalse(sink.contains("S3cret"), sink);
  }

  private static String sinkLine(String sink) {
    return assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.audit.sink", sink), Map.of(), null)::resolve).line();
  }

  /**
   * A path is quoted as given but for a folder or file name that is personal data, also one the
   * e-mail detector alone takes for none (an address before {@code .json}).
   */
  @Test
  void aPathWhoseFileNameIsPersonalDataIsQuotedWithThatNameMasked() {
    String taxonomy = folder.resolve("jane.doe@example.com.json").toString();
    ConfigurationError error = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.taxonomy", taxonomy), Map.of(), null)::resolve);
    assertEquals("piiwarden: configuration error: piiwarden.taxonomy: '" + folder + "/[REDACTED:email].json'"
        + " is not a readable file; allowed: a readable taxonomy extension file", error.line());
    String corrupt = corrupt("kim@example.org.json", "{\"categories\": [");
    String line = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.taxonomy", corrupt), Map.of(), null)::resolve).line();
    assertTrue(line.contains("not a valid taxonomy extension: " + folder + "/[REDACTED:email].json:"), line);
    String config = assertThrows(ConfigurationError.class, new ConfigurationSources(Map.of(), Map.of(),
        "config-file=" + folder.resolve("jane.doe@example.com/agent.properties"))::resolve).line();
    assertTrue(config.contains("'" + folder + "/[REDACTED:email]/agent.properties' is not a readable file"), config);
  }

  /** Nothing expands a '~' in an option or an environment variable: the file would go to "./~". */
  @Test
  void aPathStartingWithATildeIsRefusedNamingTheFullPathMeant() {
    String home = System.getProperty("user.home");
    ConfigurationError error = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of(), Map.of("PIIWARDEN_AUDIT_SINK", "jsonl:~/logs/audit.jsonl"), null)::resolve);
    assertEquals("piiwarden: configuration error: piiwarden.audit.sink: '~/logs/audit.jsonl' starts with '~',"
        + " which is not expanded here (a shell expands it only at the start of a word): give the full path, "
        + Path.of(home, "logs/audit.jsonl") + "; allowed: " + AgentOption.AUDIT_SINK.allowed(), error.line());
  }

  @Test
  void aValueFromTheConfigFileIsRefusedTheSameWay() throws IOException {
    Path file = folder.resolve("piiwarden.properties");
    Files.writeString(file, "redaction.patterns=a*+\n");
    assertRefused(AgentOption.REDACTION_PATTERNS, "a*+",
        new ConfigurationSources(Map.of(), Map.of(), "config-file=" + file));
  }

  @Test
  void aPatternMatchingEmptyTextIsRefusedForThatReason() {
    ConfigurationError error = assertThrows(ConfigurationError.class,
        new ConfigurationSources(Map.of("piiwarden.redaction.patterns", "EMP-\\d{6},\\d*"), Map.of(), null)::resolve);
    assertTrue(error.line().contains("'\\d*' also matches empty text"), error.line());
  }

  @Test
  void aWrongValueThatAnotherSourceOverridesIsRefusedTooNamingBothSources() {
    ConfigurationError error = assertThrows(ConfigurationError.class, new ConfigurationSources(
        Map.of(), Map.of("PIIWARDEN_CONSENT_MODE", "monitor"), "consent.mode=enforcing")::resolve);
    assertTrue(error.line().startsWith("piiwarden: configuration error: piiwarden.consent.mode: "),
        error.line());
    assertTrue(error.line().contains("(the agent argument, which the environment variable overrides;"
        + " correct or remove it)"), error.line());
  }

  @Test
  void validValuesOfTheSameOptionsPass() throws ConfigurationError {
    Map<String, String> valid = Map.of(
        "piiwarden.redaction.keys", "x-api-key,member_pin",
        "piiwarden.redaction.patterns", "ORD-[0-9]{6},\\d{3,4}-[,;](x|y,z),(?i)member [a-z]+",
        "piiwarden.audit.sink", "otlp:http://collector:4318",
        "piiwarden.consent.store", "jdbc:postgresql://db/app",
        "piiwarden.redaction.detectors", "email, phone");
    AgentConfiguration configuration = new ConfigurationSources(valid, Map.of(), null).resolve();
    assertEquals("ORD-[0-9]{6},\\d{3,4}-[,;](x|y,z),(?i)member [a-z]+", configuration.get(AgentOption.REDACTION_PATTERNS));
  }

  private static void assertRefused(AgentOption option, String value, ConfigurationSources sources) {
    ConfigurationError error = assertThrows(ConfigurationError.class, sources::resolve,
        () -> option.key() + "='" + value + "' was accepted");
    String line = error.line();
    assertTrue(line.startsWith("piiwarden: configuration error: " + option.key() + ": "), line);
    assertTrue(line.endsWith("; allowed: " + option.allowed()), line);
    assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
    assertFalse(line.contains("Exception"), "no exception type in the operator's line: " + line);
  }

  /** {@code audit.sink=none,} before another option's value; nothing for the sink's own. */
  private static String sinkOff(AgentOption option) {
    return option == AgentOption.AUDIT_SINK ? "" : "audit.sink=none,";
  }

  private static String argumentName(AgentOption option) {
    return option.key().substring("piiwarden.".length());
  }

  private static String corrupt(String name, String content) {
    try {
      return Files.writeString(folder.resolve(name), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

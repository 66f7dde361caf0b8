package dev.piiwarden.agent.config;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.core.text.ShownPath;
import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the options from, highest precedence first: system properties ({@code
 * -Dpiiwarden.consent.mode=monitor}), the environment ({@code PIIWARDEN_CONSENT_MODE}), the agent
 * arguments ({@code -javaagent:…=consent.mode=monitor,consent.cache-ttl=PT1S}; the {@code
 * piiwarden.} prefix is optional there) and the properties file named by {@code
 * piiwarden.config-file}. Every value is checked, also one that a source of higher precedence
 * overrides; an unknown {@code piiwarden.*} name is reported
 * once with the closest known one, and stops the start when that one names where data goes
 * ({@link MisspeltDataOption}).
 */
public final class ConfigurationSources {
  private static final String PREFIX = "piiwarden.";
  private static final String BYTE_ORDER_MARK = "\uFEFF";
  /** Store and sink values that are URLs and may carry a user, a password or parameters. */
  private static final List<String> CREDENTIAL_SCHEMES = List.of("jdbc:", "otlp:", "http://", "https://");
  /** Other PII Warden tools' variables, set in the same shells: not misspelt agent options. */
  private static final Set<String> NOT_AGENT_VARIABLES = Set.of("PIIWARDEN_DEBUG");

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final String agentArguments;

  /**
   * @param systemProperties the JVM's system properties
   * @param environment the process environment
   * @param agentArguments what followed {@code =} in {@code -javaagent:}, or null
   */
  public ConfigurationSources(
      Map<String, String> systemProperties, Map<String, String> environment, String agentArguments) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.agentArguments = agentArguments;
  }

  /** The sources of this JVM. */
  public static ConfigurationSources ofThisJvm(String agentArguments) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        properties.put(name, System.getProperty(name));
      }
    }
    return new ConfigurationSources(properties, System.getenv(), agentArguments);
  }

  /**
   * Resolves and checks every option.
   *
   * @throws ConfigurationError naming the first option whose value is wrong
   */
  public AgentConfiguration resolve() throws ConfigurationError {
    Map<String, String> arguments = parseArguments();
    Map<String, String> fromEnvironment = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      // An empty variable is unset: a template that renders PIIWARDEN_CONSENT_MODE= for a value
      // not given means the default, not an empty mode.
      if (entry.getKey().startsWith("PIIWARDEN_") && !entry.getValue().isBlank()) {
        fromEnvironment.put(entry.getKey(), entry.getValue());
      }
    }
    Map<String, String> file = new LinkedHashMap<>();
    String configFile = pick(AgentOption.CONFIG_FILE, arguments, fromEnvironment, Map.of());
    if (configFile != null) {
      check(AgentOption.CONFIG_FILE, configFile);
      file = readFile(Path.of(configFile));
    }
    boolean fileNamesAnother = file.remove(AgentOption.CONFIG_FILE.key()) != null;
    // A misspelt store, sink or key file, not given by its right name either, would put consent
    // records, the trail or its key somewhere else than meant (memory:, lost at restart): a
    // configuration error, unless the agent is off.
    Set<AgentOption> unset = EnumSet.noneOf(AgentOption.class);
    if (!"false".equals(pick(AgentOption.ENABLED, arguments, fromEnvironment, file))) {
      for (AgentOption option : AgentOption.values()) {
        if (MisspeltDataOption.holdsData(option) && pick(option, arguments, fromEnvironment, file) == null) {
          unset.add(option);
        }
      }
    }
    warnUnknown(systemProperties, "system property", false, unset);
    warnUnknown(fromEnvironment, "environment variable", true, unset);
    warnUnknown(arguments, "agent argument", false, unset);
    if (fileNamesAnother) {
      AgentReport.once("config-file-in-config-file", AgentOption.CONFIG_FILE.key() + " in "
          + ShownPath.of(configFile) + " has no effect: a config file cannot name another; remove the entry,"
          + " or name the file as a system property, environment variable or agent argument");
    }
    if (configFile != null) {
      warnUnknown(file, "entry of " + AgentOption.CONFIG_FILE.key(), false, unset);
    }

    Map<AgentOption, String> values = new EnumMap<>(AgentOption.class);
    for (AgentOption option : AgentOption.values()) {
      String[] given = given(option, arguments, fromEnvironment, file);
      String value = null;
      String from = null;
      for (int i = 0; i < given.length; i++) {
        if (given[i] == null) {
          continue;
        }
        if (value == null) {
          value = given[i].strip();
          from = SOURCES[i];
          check(option, value);
        } else {
          // a wrong value where another source overrides it is still a mistake to point out
          checkOverridden(option, given[i].strip(), SOURCES[i], from);
        }
      }
      if (value != null) {
        values.put(option, value);
      }
    }
    return new AgentConfiguration(values);
  }

  /** The sources, highest precedence first, as {@link #given} orders their values. */
  private static final String[] SOURCES = {
    "system property", "environment variable", "agent argument", "config file"
  };

  private String pick(
      AgentOption option,
      Map<String, String> arguments,
      Map<String, String> fromEnvironment,
      Map<String, String> file) {
    for (String value : given(option, arguments, fromEnvironment, file)) {
      if (value != null) {
        return value.strip();
      }
    }
    return null;
  }

  /** The option's value in each source ({@link #SOURCES}), null where it has none. */
  private String[] given(
      AgentOption option,
      Map<String, String> arguments,
      Map<String, String> fromEnvironment,
      Map<String, String> file) {
    return new String[] {
      systemProperties.get(option.key()),
      fromEnvironment.get(option.environmentName()),
      arguments.get(option.key()),
      file.get(option.key())
    };
  }

  private static void checkOverridden(AgentOption option, String value, String source, String over)
      throws ConfigurationError {
    var problem = option.problem(value);
    if (problem.isPresent()) {
      throw new ConfigurationError(option.key(), problem.get() + " (the " + source + ", which the "
          + over + " overrides; correct or remove it)", option.allowed());
    }
  }

  private static void check(AgentOption option, String value) throws ConfigurationError {
    var problem = option.problem(value);
    if (problem.isPresent()) {
      throw new ConfigurationError(option.key(), problem.get(), option.allowed());
    }
  }

  /**
   * {@code key=value,key=value}; a piece without {@code =} continues the previous value, so that
   * {@code redaction.detectors=email,phone} keeps its list. An empty piece ({@code ,,}) is refused
   * as the typo it is, naming the option before it, rather than joined to that option's value; a
   * list's value keeps it for the list's own check ({@code redaction.patterns=A\,,B}: a pattern
   * ending in an escaped comma).
   */
  private Map<String, String> parseArguments() throws ConfigurationError {
    List<String[]> entries = new ArrayList<>();
    if (agentArguments == null || agentArguments.isBlank()) {
      return new LinkedHashMap<>();
    }
    String[] last = null;
    for (String piece : agentArguments.split(",")) {
      if (piece.isBlank() && (last == null || !AgentOption.byKey(last[0]).map(AgentOption::isList).orElse(false))) {
        throw new ConfigurationError("agent arguments", last == null
            ? "an empty option before the first comma; remove that comma"
            : "an empty option after the value of " + last[0] + " (two commas in a row); remove one",
            "key=value,key=value");
      }
      int equals = piece.indexOf('=');
      if (equals < 0) {
        if (last == null) {
          throw new ConfigurationError("agent arguments", QuotedValue.quoted(piece) + " is not key=value"
              + " (jcmd JVMTI.agent_load splits its arguments at spaces and at '=': quote the"
              + " option string for jcmd inside the shell's quotes, jcmd <pid> JVMTI.agent_load"
              + " /path/piiwarden-agent.jar '\"k=v,k=v\"')", "key=value,key=value");
        }
        last[1] = last[1] + "," + piece;
        continue;
      }
      String key = piece.substring(0, equals).strip();
      last = new String[] {key.startsWith(PREFIX) ? key : PREFIX + key, piece.substring(equals + 1)};
      entries.add(last);
    }
    for (String[] entry : entries) {
      Optional<AgentOption> joined = optionWithin(entry[1]);
      if (joined.isPresent()) {
        throw new ConfigurationError(entry[0], "its value runs on into another option, "
            + joined.get().key() + " (after a space or ';'); options are separated by ',' in agent"
            + " arguments: " + entry[0].substring(PREFIX.length()) + "=…,"
            + joined.get().key().substring(PREFIX.length()) + "=…");
      }
    }
    return oneValueEach(entries, "agent arguments");
  }

  /**
   * A known option's {@code name=} in {@code value} after a space or {@code ;}: two options joined
   * the way a shell, a properties file or another agent would separate them. A name without a dot
   * ({@code enabled}) counts only with its {@code piiwarden.} prefix, so that a URL's own {@code
   * ;enabled=} parameter is not taken for one.
   */
  static Optional<AgentOption> optionWithin(String value) {
    for (AgentOption option : AgentOption.values()) {
      String name = option.key().substring(PREFIX.length());
      if (startsAfterSeparator(value, option.key() + "=")
          || (name.indexOf('.') > 0 && startsAfterSeparator(value, name + "="))) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  private static boolean startsAfterSeparator(String value, String name) {
    for (int at = value.indexOf(name); at >= 0; at = value.indexOf(name, at + 1)) {
      if (at > 0 && (Character.isWhitespace(value.charAt(at - 1)) || value.charAt(at - 1) == ';')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entries of one source by name. A known option given twice there with different values is
   * a configuration error naming both, as the source cannot say which one it means; the same value
   * twice is taken once.
   */
  private static Map<String, String> oneValueEach(List<String[]> entries, String source)
      throws ConfigurationError {
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] entry : entries) {
      String earlier = values.put(entry[0], entry[1]);
      if (earlier == null || earlier.strip().equals(entry[1].strip())) {
        continue;
      }
      var option = AgentOption.byKey(entry[0]);
      if (option.isPresent()) {
        throw new ConfigurationError(option.get().key(), "given twice in the " + source + ", as "
            + shown(option.get(), earlier) + " and as " + shown(option.get(), entry[1])
            + "; remove the one that is not meant", option.get().allowed());
      }
    }
    return values;
  }

  /**
   * A value for a message: a store's or sink's URL without its credentials and parameters, any
   * value masked where it looks like personal data. A {@code file:} or {@code jsonl:} path holds no
   * credentials, and an {@code @} in it is part of a file name: it is shown as given but for a
   * folder or file name that is personal data ({@link ShownPath}).
   */
  private static String shown(AgentOption option, String value) {
    String given = value.strip();
    boolean url = (option == AgentOption.CONSENT_STORE || option == AgentOption.AUDIT_SINK)
        && CREDENTIAL_SCHEMES.stream().anyMatch(given::startsWith);
    return url ? QuotedValue.quoted(UrlCredentials.withoutCredentials(given)) : ShownPath.quoted(given);
  }

  /**
   * The file's entries, a leading byte order mark (which some editors write) not taken for part of
   * the first name.
   */
  private static Map<String, String> readFile(Path file) throws ConfigurationError {
    EntriesInOrder properties = new EntriesInOrder();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      properties.load(new StringReader(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text));
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationError(
          AgentOption.CONFIG_FILE.key(),
          ShownPath.quoted(file.toString()) + " cannot be read as properties (" + e.getClass().getSimpleName() + ")",
          AgentOption.CONFIG_FILE.allowed());
    }
    List<String[]> entries = new ArrayList<>();
    for (String[] entry : properties.entries) {
      entries.add(new String[] {entry[0].startsWith(PREFIX) ? entry[0] : PREFIX + entry[0], entry[1]});
    }
    return oneValueEach(entries, "config file " + ShownPath.of(file.toString()));
  }

  /** {@link Properties} that keeps every entry {@code load} reads, a repeated name too. */
  private static final class EntriesInOrder extends Properties {
    private static final long serialVersionUID = 1L;
    private final transient List<String[]> entries = new ArrayList<>();

    @Override
    public synchronized Object put(Object key, Object value) {
      entries.add(new String[] {(String) key, (String) value});
      return super.put(key, value);
    }
  }

  /**
   * Reports each unknown name once with the closest known one; throws when that one is in {@code
   * unset}, the data-holding options left at their defaults of an enabled agent.
   */
  private static void warnUnknown(
      Map<String, String> given, String where, boolean environment, Set<AgentOption> unset)
      throws ConfigurationError {
    for (String name : given.keySet()) {
      if (environment && NOT_AGENT_VARIABLES.contains(name)) {
        continue;
      }
      boolean known = false;
      for (AgentOption option : AgentOption.values()) {
        if (environment ? option.environmentName().equals(name) : option.key().equals(name)) {
          known = true;
          break;
        }
      }
      if (!known) {
        QuotedValue shown = QuotedValue.of(name);
        if (shown.masked()) {
          // a value given as a name (-Dpiiwarden.kim@example.com): no option is near it
          AgentReport.once("unknown-option:" + name, "unknown option " + shown.shown() + " (" + where
              + "): it looks like " + shown.looksLike() + ", not an option name");
          continue;
        }
        String comparable =
            environment
                ? name.toLowerCase(java.util.Locale.ROOT).replace('_', '.')
                : name;
        Optional<AgentOption> closest = ClosestOptionName.to(comparable);
        if (closest.isPresent() && unset.contains(closest.get())) {
          String meant = environment ? closest.get().environmentName() : closest.get().key();
          throw new ConfigurationError(name, "unknown option (" + where + "); did you mean " + meant
              + "? Left unset, " + MisspeltDataOption.consequence(closest.get()) + "; correct the name");
        }
        AgentReport.once(
            "unknown-option:" + name,
            "unknown option " + name + " (" + where + ")" + (closest.isPresent()
                ? "; did you mean " + (environment ? closest.get().environmentName() : closest.get().key()) + "?"
                : ", ignored: no option of this agent has a name close to it"));
      }
    }
  }
}

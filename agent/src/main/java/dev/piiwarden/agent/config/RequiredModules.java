package dev.piiwarden.agent.config;

/**
 * The JDK modules a consent store or audit sink needs beyond {@code java.base} and {@code
 * java.instrument}: {@code java.sql} for {@code jdbc:}, {@code java.net.http} for {@code otlp:}. A
 * runtime made with {@code jlink}, started with {@code --limit-modules} or running a modular
 * application may leave them out; such a store or sink could never be opened, so the start is
 * refused with the fix. Other stores and sinks run without them, and the agent never touches them.
 */
public final class RequiredModules {
  /** URL scheme and the module it needs, for the consent store and the audit sink alike. */
  private static final String[][] NEEDED = {{"jdbc:", "java.sql"}, {"otlp:", "java.net.http"}};

  private RequiredModules() {}

  /**
   * @throws ConfigurationError naming the first option whose store or sink needs a module this
   *     runtime does not have
   */
  public static void check(AgentConfiguration configuration) throws ConfigurationError {
    check(configuration, ModuleLayer.boot());
  }

  static void check(AgentConfiguration configuration, ModuleLayer layer) throws ConfigurationError {
    for (AgentOption option : new AgentOption[] {AgentOption.CONSENT_STORE, AgentOption.AUDIT_SINK}) {
      for (String[] needed : NEEDED) {
        if (configuration.get(option).startsWith(needed[0]) && layer.findModule(needed[1]).isEmpty()) {
          throw new ConfigurationError(option.key(), needed[0] + " URLs need the " + needed[1]
              + " module, which this Java runtime does not have; add " + needed[1] + " to the"
              + " runtime image (jlink --add-modules <its modules>," + needed[1] + "), to"
              + " --limit-modules if Java is started with it, or else start Java with --add-modules "
              + needed[1]);
        }
      }
    }
  }
}

package dev.piiwarden.agent.config;

/**
 * A {@code jdbc:} consent store or audit sink needs the {@code java.sql} module, which a runtime
 * made with {@code jlink} or started with {@code --limit-modules} may leave out. Without it such a
 * store could never be opened, so the start is refused with the fix; every other store and sink
 * runs without {@code java.sql}, which the agent then never touches.
 */
public final class JavaSqlRequirement {
  private static final String MODULE = "java.sql";

  private JavaSqlRequirement() {}

  /**
   * @throws ConfigurationError naming the first {@code jdbc:} option when this runtime has no
   *     {@code java.sql}
   */
  public static void check(AgentConfiguration configuration) throws ConfigurationError {
    check(configuration, ModuleLayer.boot().findModule(MODULE).isPresent());
  }

  static void check(AgentConfiguration configuration, boolean javaSqlPresent) throws ConfigurationError {
    if (javaSqlPresent) {
      return;
    }
    for (AgentOption option : new AgentOption[] {AgentOption.CONSENT_STORE, AgentOption.AUDIT_SINK}) {
      if (configuration.get(option).startsWith("jdbc:")) {
        throw new ConfigurationError(option.key(), "a jdbc: URL needs the java.sql module, which"
            + " this Java runtime does not have; add java.sql to the runtime image (jlink"
            + " --add-modules <its modules>,java.sql), to --limit-modules if Java is started with it, or else"
            + " start Java with --add-modules java.sql");
      }
    }
  }
}

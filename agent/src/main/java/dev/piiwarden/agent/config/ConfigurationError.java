package dev.piiwarden.agent.config;

/** An option has a value the agent cannot run with; the JVM must not start with it. */
public final class ConfigurationError extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param option the option's name
   * @param problem what is wrong with the value
   * @param allowed what is allowed instead
   */
  ConfigurationError(String option, String problem, String allowed) {
    super(option + ": " + problem + "; allowed: " + allowed);
  }

  /**
   * @param option the option's name
   * @param problem what is wrong and what to do, for a value that is allowed but cannot work here
   */
  ConfigurationError(String option, String problem) {
    super(option + ": " + problem);
  }

  /** The one line printed before the JVM stops. */
  public String line() {
    return "piiwarden: configuration error: " + getMessage();
  }
}

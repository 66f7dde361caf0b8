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

  /** Longest message a line shows whole; a longer one keeps its start and its end. */
  static final int MOST = 600;

  /**
   * The one line printed before the JVM stops: one line even for a value with a line break in it
   * (control characters shown escaped, {@code \n}), and not a screenful for a value of thousands
   * of characters (its middle left out, so the option's name and what is allowed stay).
   */
  public String line() {
    StringBuilder line = new StringBuilder();
    String message = getMessage();
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n') {
        line.append("\\n");
      } else if (c == '\r') {
        line.append("\\r");
      } else if (c == '\t') {
        line.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        line.append(String.format("\\u%04X", (int) c));
      } else {
        line.append(c);
      }
    }
    if (line.length() > MOST) {
      int cut = line.length() - MOST;
      line.replace(MOST * 2 / 3, MOST * 2 / 3 + cut, " ... (" + cut + " characters left out) ... ");
    }
    return "piiwarden: configuration error: " + line;
  }
}

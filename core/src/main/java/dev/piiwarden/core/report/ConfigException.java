package dev.piiwarden.core.report;

/**
 * A report configuration or policy that cannot be used. The message is one line: the file, the
 * place in it, what is wrong and what to do.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem with the message as printed. */
  public ConfigException(String message) {
    super(message);
  }
}

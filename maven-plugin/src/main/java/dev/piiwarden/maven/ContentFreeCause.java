package dev.piiwarden.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * A cause of a plugin error as the build log may show it. Maven prints the message of every cause
 * after the error's own, and a parser's message quotes the file it read (a DPO's email in a ropa
 * configuration, say) over several lines. The chain is kept, for {@code -e}, with each cause's type
 * and stack trace, but carries the error's one-line message, which Maven does not repeat.
 */
public final class ContentFreeCause extends Exception {
  private static final long serialVersionUID = 1L;

  private final String type;

  private ContentFreeCause(String message, String type, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  /** The error: {@code message} flattened to one line, over {@code cause}'s chain without its messages. */
  public static MojoExecutionException error(String message, Throwable cause) {
    String line = message.replaceAll("\\s*\\R\\s*", " ");
    return new MojoExecutionException(line, of(line, cause));
  }

  private static ContentFreeCause of(String message, Throwable original) {
    if (original == null) {
      return null;
    }
    ContentFreeCause cause = new ContentFreeCause(message, original.getClass().getName(), of(message, original.getCause()));
    cause.setStackTrace(original.getStackTrace());
    return cause;
  }

  @Override
  public String toString() {
    return type + " (message left out: " + getMessage() + ")";
  }
}

package dev.piiwarden.agent.redaction;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * {@code piiwarden.redaction.stdout=true}: replaces {@code System.out} and {@code System.err} with
 * streams that redact each line ({@link RedactingLineStream}). Off by default: a program's own
 * output (a CLI's result, a prompt) is not a log, and rewriting it is for the operator to choose.
 * Code that took a reference to the original streams before the agent started is not covered.
 */
final class StandardStreamRedaction {
  private StandardStreamRedaction() {}

  static void install(LogText text) {
    System.setOut(wrap(System.out, "stdout.encoding", text));
    System.setErr(wrap(System.err, "stderr.encoding", text));
  }

  private static PrintStream wrap(PrintStream original, String encodingProperty, LogText text) {
    Charset charset = charset(encodingProperty);
    return new PrintStream(new RedactingLineStream(original, charset, text), true, charset);
  }

  private static Charset charset(String encodingProperty) {
    for (String name :
        new String[] {
          System.getProperty(encodingProperty),
          System.getProperty("sun." + encodingProperty),
          System.getProperty("native.encoding")
        }) {
      if (name != null) {
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) { // unsupported or illegal name
          // try the next one
        }
      }
    }
    return Charset.defaultCharset();
  }
}

package dev.piiwarden.agent.redaction.bridge;

/**
 * How deep the current thread is in logging hooks, and the message the outermost hook produced.
 * Shared by every framework's hook (it lives on the bootstrap class path), so an event bridged
 * from one framework to another (JUL to SLF4J to Logback, Log4j API to SLF4J) is redacted by the
 * outermost hook only: an inner hook whose message equals {@link #handled()} leaves it alone.
 * An unrelated event logged from inside an appender has another message and is redacted as usual.
 */
public final class RedactionCallDepth {
  private static final ThreadLocal<RedactionCallDepth> CURRENT =
      ThreadLocal.withInitial(RedactionCallDepth::new);

  private int depth;
  private String handled;

  private RedactionCallDepth() {}

  /** This thread's depth. */
  public static RedactionCallDepth current() {
    return CURRENT.get();
  }

  /** Enters a hook; returns the depth after entering (1 for the outermost). */
  public int enter() {
    return ++depth;
  }

  /** Leaves a hook. */
  public void leave() {
    if (depth > 0 && --depth == 0) {
      handled = null;
    }
  }

  /** Whether the thread is inside a logging hook (an appender writing an event, for example). */
  public boolean inside() {
    return depth > 0;
  }

  /** The redacted message of the outermost event, or null. */
  public String handled() {
    return handled;
  }

  /** Records the redacted message of the outermost event. */
  public void handled(String message) {
    if (depth == 1) {
      handled = message;
    }
  }
}

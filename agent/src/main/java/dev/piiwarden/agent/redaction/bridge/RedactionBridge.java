package dev.piiwarden.agent.redaction.bridge;

/**
 * What the calls inserted into the logging classes reach ({@code LogHookRewriter}): JDK types only,
 * on the bootstrap class path, so it links from Logback, Log4j2 (any class loader) and {@code
 * java.util.logging} (the JDK's own loader) alike. The agent sets the {@link Hooks} when it starts
 * redaction; until then every call is a no-op.
 *
 * <p>Each {@code enter…} method counts the call depth; the hooked method calls {@link #leave()} at
 * every exit, by return or by exception, so the depth stays balanced. No method here throws: the
 * inserted code has no handler of its own around them.
 */
public final class RedactionBridge {
  /** The agent's redaction of each framework's event, working on the events by reflection. */
  public interface Hooks {
    /**
     * Redacts a Logback {@code LoggingEvent} in place.
     *
     * @param handled the message an outer hook produced for this thread, or null
     * @return the redacted formatted message
     */
    String logbackEvent(Object event, String handled);

    /**
     * A Log4j2 {@code LogEvent} with its message, context data and exception redacted: a new
     * event, or {@code event} when nothing changed. {@code handled} is the outer message or null;
     * the event's redacted message, if any, goes to {@code depth}.
     */
    Object log4jEvent(Object event, String handled, RedactionCallDepth depth);

    /** Redacts a {@code java.util.logging.LogRecord} in place; returns the redacted message. */
    String julRecord(java.util.logging.LogRecord record, String handled);

    /** Shows the original class name in a framework's proxy built from a {@link RedactedThrowable}. */
    void throwableProxyBuilt(Object proxy, RedactedThrowable thrown);

    /** A hook failed where it could not contain the failure itself. */
    void failed(String where, Throwable failure);
  }

  private static volatile Hooks hooks;

  private RedactionBridge() {}

  /** Called by the agent at start. */
  public static void install(Hooks newHooks) {
    hooks = newHooks;
  }

  /** Logback: {@code Logger#callAppenders} enter. */
  public static void enterLogback(Object event) {
    try {
      RedactionCallDepth depth = RedactionCallDepth.current();
      int level = depth.enter();
      Hooks current = hooks;
      if (current != null && event != null) {
        try {
          depth.handled(current.logbackEvent(event, level > 1 ? depth.handled() : null));
        } catch (Throwable failure) {
          current.failed("logback", failure);
        }
      }
    } catch (Throwable ignored) {
      // never into the application's logging call
    }
  }

  /**
   * Log4j2: {@code LoggerConfig#callAppenders} enter; the event to pass on, always an instance of
   * {@code type} (the method's parameter type), so the cast the hook makes cannot fail.
   */
  public static Object enterLog4j(Object event, Class<?> type) {
    try {
      RedactionCallDepth depth = RedactionCallDepth.current();
      int level = depth.enter();
      Hooks current = hooks;
      if (current == null || event == null) {
        return event;
      }
      try {
        Object redacted = current.log4jEvent(event, level > 1 ? depth.handled() : null, depth);
        return type.isInstance(redacted) ? redacted : event;
      } catch (Throwable failure) {
        current.failed("log4j", failure);
        return event;
      }
    } catch (Throwable ignored) {
      return event;
    }
  }

  /** JUL: {@code Logger#log(LogRecord)} enter. */
  public static void enterJul(java.util.logging.LogRecord record) {
    try {
      RedactionCallDepth depth = RedactionCallDepth.current();
      int level = depth.enter();
      Hooks current = hooks;
      if (current != null && record != null) {
        try {
          depth.handled(current.julRecord(record, level > 1 ? depth.handled() : null));
        } catch (Throwable failure) {
          current.failed("jul", failure);
        }
      }
    } catch (Throwable ignored) {
      // never into the application's logging call
    }
  }

  /** Every exit of a hooked method, by return or by exception. */
  public static void leave() {
    try {
      RedactionCallDepth.current().leave();
    } catch (Throwable ignored) {
      // never into the application's logging call
    }
  }

  /** A Logback or Log4j2 throwable proxy was built; fixes its class name for a stand-in. */
  public static void throwableProxyBuilt(Object proxy, Object thrown) {
    Hooks current = hooks;
    if (current != null && thrown instanceof RedactedThrowable) {
      try {
        current.throwableProxyBuilt(proxy, (RedactedThrowable) thrown);
      } catch (Throwable failure) {
        try {
          current.failed("throwable-proxy", failure);
        } catch (Throwable ignored) {
          // never into the application's logging call
        }
      }
    }
  }
}

package dev.piiwarden.agent.redaction.bridge;

/**
 * What inlined logging advice calls: JDK types only, on the bootstrap class path, so it links from
 * Logback, Log4j2 (any class loader) and {@code java.util.logging} (the JDK's own loader) alike.
 * The agent sets the {@link Hooks} at start; until then every call is a no-op.
 *
 * <p>Each {@code enter…} method counts the call depth first and returns true; advice calls {@link
 * #leave()} on exit only when enter returned true, so the depth stays balanced whatever fails.
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
     * event, or {@code event} when nothing changed. {@code handled[0]} is the outer message on
     * entry and this event's redacted message on return.
     */
    Object log4jEvent(Object event, String[] handled);

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
  public static boolean enterLogback(Object event) {
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
    return true;
  }

  /** Log4j2: {@code LoggerConfig#callAppenders} enter; the event to pass on. */
  public static Object enterLog4j(Object event) {
    RedactionCallDepth depth = RedactionCallDepth.current();
    int level = depth.enter();
    Hooks current = hooks;
    if (current == null || event == null) {
      return event;
    }
    try {
      String[] handled = {level > 1 ? depth.handled() : null};
      Object redacted = current.log4jEvent(event, handled);
      depth.handled(handled[0]);
      return redacted;
    } catch (Throwable failure) {
      current.failed("log4j", failure);
      return event;
    }
  }

  /** JUL: {@code Logger#log(LogRecord)} enter. */
  public static boolean enterJul(java.util.logging.LogRecord record) {
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
    return true;
  }

  /** Exit of every hook whose enter returned true. */
  public static void leave() {
    RedactionCallDepth.current().leave();
  }

  /** A Logback or Log4j2 throwable proxy was built; fixes its class name for a stand-in. */
  public static void throwableProxyBuilt(Object proxy, Object thrown) {
    Hooks current = hooks;
    if (current != null && thrown instanceof RedactedThrowable) {
      try {
        current.throwableProxyBuilt(proxy, (RedactedThrowable) thrown);
      } catch (Throwable failure) {
        current.failed("throwable-proxy", failure);
      }
    }
  }
}

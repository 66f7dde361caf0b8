package dev.piiwarden.agent.redaction.bridge;

/**
 * What the calls inserted into the logging classes reach ({@code LogHookRewriter}): JDK types only,
 * on the bootstrap class path, so it links from Logback, Log4j2 (any class loader) and {@code
 * java.util.logging} (the JDK's own loader) alike. The agent sets the {@link Hooks} when it starts
 * redaction; until then every call is a no-op.
 *
 * <p>Each {@code enter…} method counts the call depth; the hooked method calls {@link #leave()} at
 * every exit, by return or by exception, so the depth stays balanced. Each {@code prepare…}
 * method, called just before the hooked class calls its own hooked method, enters and leaves the
 * depth itself. No method here throws: the inserted code has no handler of its own around them.
 */
public final class RedactionBridge {
  /** The agent's redaction of each framework's event, working on the events by reflection. */
  public interface Hooks {
    /**
     * Redacts a Logback {@code LoggingEvent} in place.
     *
     * @param handled the message an outer hook produced for this thread, or null
     * @param depth this thread's depth, which keeps the thread name last checked
     * @return the redacted formatted message
     */
    String logbackEvent(Object event, String handled, RedactionCallDepth depth);

    /**
     * A Log4j2 {@code LogEvent} with its message, context data and exception redacted: a new
     * event, or {@code event} when nothing changed. {@code handled} is the outer message or null;
     * the event's redacted message, if any, goes to {@code depth}.
     */
    Object log4jEvent(Object event, String handled, RedactionCallDepth depth);

    /**
     * A Log4j2 API {@code Message} (log4j-to-slf4j) whose parameters are redacted: a new message,
     * or {@code message} when they hold nothing.
     */
    Object log4jApiMessage(Object message) throws Throwable;

    /** SLF4J call arguments (slf4j-jdk14) redacted one by one: a new array, or {@code arguments}. */
    Object[] slf4jArguments(Object[] arguments) throws Throwable;

    /** One SLF4J call argument (slf4j-jdk14) redacted, as each of {@link #slf4jArguments}. */
    Object slf4jArgument(Object argument) throws Throwable;

    /**
     * The value of an SLF4J 2 key-value pair that a backend is about to make text of: an object
     * other than text or a number rendered log-safe (an annotated one by its annotations), any
     * other value as it is, for the backend's hook to redact with the rest of the event.
     */
    Object slf4jKeyValue(Object value) throws Throwable;

    /** Redacts a {@code java.util.logging.LogRecord} in place; returns the redacted message. */
    String julRecord(java.util.logging.LogRecord record, String handled);

    /** A line of a server's access log, redacted as free text; the same instance when clean. */
    String accessLogLine(String line);

    /**
     * What a logstash-logback-encoder JSON encoder made of {@code event}: for a logback-access
     * event, the JSON line (UTF-8) redacted as free text; else, or when clean, {@code bytes}.
     */
    byte[] accessEventBytes(Object event, byte[] bytes);

    /** As {@link #accessEventBytes}, for the text a JSON layout made of {@code event}. */
    String accessEventLine(Object event, String line);

    /**
     * The stream a logstash-logback-encoder encoder streams {@code event} into: for a
     * logback-access event a buffer in front of {@code out}, else {@code out}.
     */
    java.io.OutputStream accessEventStream(Object event, java.io.OutputStream out);

    /** A buffer of {@link #accessEventStream}: its content redacted and written on; else nothing. */
    void accessEventStreamDone(java.io.OutputStream out) throws java.io.IOException;

    /** Shows the original class name in a framework's proxy built from a {@link RedactedThrowable}. */
    void throwableProxyBuilt(Object proxy, RedactedThrowable thrown);

    /** A hook failed where it could not contain the failure itself. */
    void failed(String where, Throwable failure);
  }

  private static final int LOGBACK = 0;
  private static final int JUL = 1;
  /** Each framework's name in a failure report, by the numbers above. */
  private static final String[] FRAMEWORKS = {"logback", "jul"};

  private static volatile Hooks hooks;

  private RedactionBridge() {}

  /** Called by the agent at start. */
  public static void install(Hooks newHooks) {
    hooks = newHooks;
  }

  /** Logback: {@code Logger#callAppenders} enter. */
  public static void enterLogback(Object event) {
    enterInPlace(LOGBACK, event);
  }

  /**
   * Logback: just before {@code Logger} calls its own {@code callAppenders(event)}, where every
   * event built by Logback's {@code Logger} passes: redacts the event there, so that code another
   * agent put at the start of {@code callAppenders} (OpenTelemetry's log export) reads it
   * redacted, whichever agent's code runs first there; the enter hook then finds it done.
   */
  public static void prepareLogback(Object event) {
    prepare(LOGBACK, event);
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

  /**
   * log4j-to-slf4j: {@code SLF4JLogger#logMessage} enter; the message to format, always an
   * instance of {@code type}, so the cast the hook makes cannot fail.
   */
  public static Object log4jApiMessage(Object message, Class<?> type) {
    Hooks current = hooks;
    if (current == null || message == null) {
      return message;
    }
    try {
      Object redacted = current.log4jApiMessage(message);
      return type.isInstance(redacted) ? redacted : message;
    } catch (Throwable failure) {
      try {
        current.failed("log4j-api", failure);
      } catch (Throwable ignored) {
        // never into the application's logging call
      }
      return message;
    }
  }

  /**
   * slf4j-jdk14: before {@code JDK14LoggerAdapter} calls SLF4J's {@code MessageFormatter} with an
   * array of arguments; the arguments to format.
   */
  public static Object[] slf4jArguments(Object[] arguments) {
    Hooks current = hooks;
    if (current == null || arguments == null || arguments.length == 0) {
      return arguments;
    }
    try {
      Object[] redacted = current.slf4jArguments(arguments);
      return redacted != null && redacted.length == arguments.length ? redacted : arguments;
    } catch (Throwable failure) {
      try {
        current.failed("slf4j-jdk14", failure);
      } catch (Throwable ignored) {
        // never into the application's logging call
      }
      return arguments;
    }
  }
  /** slf4j-jdk14: before {@code JDK14LoggerAdapter} formats one or two arguments; each of them. */
  public static Object slf4jArgument(Object argument) {
    Hooks current = hooks;
    if (current == null || argument == null) {
      return argument;
    }
    try {
      return current.slf4jArgument(argument);
    } catch (Throwable failure) {
      try {
        current.failed("slf4j-jdk14", failure);
      } catch (Throwable ignored) {
        // never into the application's logging call
      }
      return argument;
    }
  }

  /**
   * An SLF4J 2 key-value pair's value just before a backend makes text of it: in log4j-slf4j2-impl's
   * {@code Log4jEventBuilder#addKeyValue} ({@code String.valueOf}, for the context map) and in
   * SLF4J's {@code DefaultLoggingEventBuilder}, which writes the pairs into the message for a
   * backend without events of its own (slf4j-jdk14). The value to make text of.
   */
  public static Object slf4jKeyValue(Object value) {
    Hooks current = hooks;
    if (current == null || value == null || value instanceof String) {
      return value;
    }
    try {
      return current.slf4jKeyValue(value);
    } catch (Throwable failure) {
      try {
        current.failed("slf4j-key-value", failure);
      } catch (Throwable ignored) {
        // never into the application's logging call
      }
      return value;
    }
  }

  /**
   * Jetty's {@code RequestLogWriter#write(String)} and Undertow's {@code
   * DefaultAccessLogReceiver#logMessage(String)} (and Quarkus's copy) enter: the access log line to
   * write; each return of logback-access's {@code PatternLayout#doLayout}: the line it returns.
   */
  public static String accessLogLine(String line) {
    Hooks current = hooks;
    if (current == null || line == null) {
      return line;
    }
    try {
      String redacted = current.accessLogLine(line);
      return redacted != null ? redacted : line;
    } catch (Throwable failure) {
      accessLogFailed(current, failure);
      return line;
    }
  }

  /**
   * Tomcat's {@code AccessLogValve#log(CharArrayWriter)} enter: the line the valve built, its
   * content replaced by the redacted text when that differs; returns {@code line}.
   */
  public static java.io.CharArrayWriter accessLogChars(java.io.CharArrayWriter line) {
    Hooks current = hooks;
    if (current == null || line == null) {
      return line;
    }
    try {
      String text = line.toString();
      String redacted = accessLogLine(text);
      if (redacted != text) {
        line.reset();
        line.write(redacted, 0, redacted.length());
      }
    } catch (Throwable failure) {
      accessLogFailed(current, failure);
    }
    return line;
  }

  /**
   * Each return of logstash-logback-encoder's {@code CompositeJsonEncoder#encode(Event)}: the
   * bytes of the JSON line; redacted when the event is a logback-access one ({@code
   * LogstashAccessEncoder}), which reads the request's fields itself. A logging event's were
   * redacted before the encoder saw it.
   */
  public static byte[] accessEventBytes(Object event, byte[] bytes) {
    Hooks current = hooks;
    if (current == null || event == null || bytes == null) {
      return bytes;
    }
    try {
      byte[] redacted = current.accessEventBytes(event, bytes);
      return redacted != null ? redacted : bytes;
    } catch (Throwable failure) {
      accessLogFailed(current, failure);
      return bytes;
    }
  }

  /** Each return of logstash-logback-encoder's {@code CompositeJsonLayout#doLayout(Event)}, as {@link #accessEventBytes}. */
  public static String accessEventLine(Object event, String line) {
    Hooks current = hooks;
    if (current == null || event == null || line == null) {
      return line;
    }
    try {
      String redacted = current.accessEventLine(event, line);
      return redacted != null ? redacted : line;
    } catch (Throwable failure) {
      accessLogFailed(current, failure);
      return line;
    }
  }

  /**
   * logstash-logback-encoder's {@code CompositeJsonEncoder#encode(Event, OutputStream)} enter (its
   * TCP appenders'): for an access event, a buffer to encode into in place of {@code out}.
   */
  public static java.io.OutputStream accessEventStream(Object event, java.io.OutputStream out) {
    Hooks current = hooks;
    if (current == null || event == null || out == null) {
      return out;
    }
    try {
      java.io.OutputStream buffer = current.accessEventStream(event, out);
      return buffer != null ? buffer : out;
    } catch (Throwable failure) {
      accessLogFailed(current, failure);
      return out;
    }
  }

  /**
   * The same method's return: a buffer of {@link #accessEventStream} is redacted and written to
   * the stream it stands in front of. The stream's own {@code IOException} reaches the appender.
   */
  public static void accessEventStreamDone(java.io.OutputStream out) throws java.io.IOException {
    Hooks current = hooks;
    if (current != null && out != null) {
      current.accessEventStreamDone(out);
    }
  }

  private static void accessLogFailed(Hooks current, Throwable failure) {
    try {
      current.failed("access-log", failure);
    } catch (Throwable ignored) {
      // never into the server's request handling
    }
  }

  /** JUL: {@code Logger#log(LogRecord)} enter. */
  public static void enterJul(java.util.logging.LogRecord record) {
    enterInPlace(JUL, record);
  }

  /**
   * JUL: just before {@code Logger} calls its own {@code log(LogRecord)}, as each of its logging
   * methods does; as {@link #prepareLogback}.
   */
  public static void prepareJul(java.util.logging.LogRecord record) {
    prepare(JUL, record);
  }

  /** Enters a hook that redacts the event in place, unless it was prepared just before the call. */
  private static void enterInPlace(int framework, Object event) {
    try {
      RedactionCallDepth depth = RedactionCallDepth.current();
      int level = depth.enter();
      Hooks current = hooks;
      if (current == null || event == null) {
        return;
      }
      if (depth.takePrepared(event)) {
        depth.handled(depth.preparedMessage());
        return;
      }
      try {
        depth.handled(redactInPlace(current, framework, event, level > 1 ? depth.handled() : null, depth));
      } catch (Throwable failure) {
        current.failed(FRAMEWORKS[framework], failure);
      }
    } catch (Throwable ignored) {
      // never into the application's logging call
    }
  }

  /**
   * Redacts the event in place just before the hooked method is called with it, at the depth the
   * hook would have, and records it for the hook. A failure leaves it to the hook to try again.
   */
  private static void prepare(int framework, Object event) {
    try {
      Hooks current = hooks;
      if (current == null || event == null) {
        return;
      }
      RedactionCallDepth depth = RedactionCallDepth.current();
      int level = depth.enter();
      try {
        depth.prepared(event, redactInPlace(current, framework, event, level > 1 ? depth.handled() : null, depth));
      } catch (Throwable failure) {
        current.failed(FRAMEWORKS[framework], failure);
      } finally {
        depth.leave();
      }
    } catch (Throwable ignored) {
      // never into the application's logging call
    }
  }

  private static String redactInPlace(
      Hooks current, int framework, Object event, String handled, RedactionCallDepth depth) {
    return framework == LOGBACK
        ? current.logbackEvent(event, handled, depth)
        : current.julRecord((java.util.logging.LogRecord) event, handled);
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

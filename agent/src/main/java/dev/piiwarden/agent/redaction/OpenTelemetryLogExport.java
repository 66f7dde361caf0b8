package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import java.util.Locale;

/**
 * Says once, on stderr and as an {@code agent.problem}, when the OpenTelemetry Java agent's log
 * export reads a hooked framework's events before this agent has redacted them:
 *
 * <ul>
 *   <li>Log4j2, whatever the {@code -javaagent} order: OpenTelemetry reads the message and the
 *       exception in the Log4j API ({@code AbstractLogger#log}, {@code #logMessage}), before Log4j2
 *       builds the event its {@code LoggerConfig#callAppenders} hands on, where this agent redacts.
 *   <li>Logback and java.util.logging, only when OpenTelemetry's agent started after this one:
 *       every event their {@code Logger} builds is redacted before OpenTelemetry's code reads it
 *       ({@link BeforeCallHook}), but one handed to {@code callAppenders} or {@code log(LogRecord)}
 *       from outside the logger meets OpenTelemetry's code first, as its transformer, registered
 *       later, wrapped this agent's.
 * </ul>
 *
 * <p>OpenTelemetry's agent is recognised by its bootstrap class, which its {@code premain} puts in
 * the bootstrap class loader; whether it exports a framework's logs, by its options given as
 * system properties or environment variables (its configuration file is not read).
 */
final class OpenTelemetryLogExport {
  private static final String BOOTSTRAP_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

  /** Whether OpenTelemetry's agent had started when this one did; set by {@link #atStart}. */
  private static volatile boolean startedBefore;

  /** The hooked frameworks whose events OpenTelemetry's agent exports, by its instrumentation's name. */
  private enum Framework {
    LOGBACK(LogbackEventRedaction.TYPE_NAME, "logback-appender", false),
    JUL(JulRecordRedaction.TYPE_NAME, "java-util-logging", false),
    LOG4J2(Log4jEventRedaction.TYPE_NAME, "log4j-appender", true);

    final String hookedClass;
    final String instrumentation;
    /** Whether OpenTelemetry reads the events before the hook in either agent order. */
    final boolean readsBeforeHook;

    Framework(String hookedClass, String instrumentation, boolean readsBeforeHook) {
      this.hookedClass = hookedClass;
      this.instrumentation = instrumentation;
      this.readsBeforeHook = readsBeforeHook;
    }

    static Framework of(String internalName) {
      for (Framework framework : values()) {
        if (framework.hookedClass.equals(internalName)) {
          return framework;
        }
      }
      return null;
    }
  }

  private OpenTelemetryLogExport() {}

  /** At this agent's start ({@code premain} or attach): whether OpenTelemetry's agent already ran. */
  static void atStart() {
    startedBefore = openTelemetryStarted();
  }

  /**
   * {@code internalName} was hooked: reports once when OpenTelemetry reads its events first. Never
   * throws: the hooked class loads either way.
   */
  static void hooked(String internalName) {
    try {
      reportIfReadFirst(internalName);
    } catch (RuntimeException | LinkageError failure) {
      AgentReport.once(
          "opentelemetry-check",
          "could not check whether the OpenTelemetry Java agent reads log events before redaction ("
              + AgentReport.describe(failure) + ")");
    }
  }

  private static void reportIfReadFirst(String internalName) {
    Framework framework = Framework.of(internalName);
    if (framework == null) {
      return;
    }
    boolean readFirst = framework.readsBeforeHook || !startedBefore;
    if (!readFirst || !openTelemetryStarted() || !exportsLogsOf(framework.instrumentation)) {
      return;
    }
    if (framework.readsBeforeHook) {
      AgentReport.once(
          "opentelemetry-log4j2",
          "the OpenTelemetry Java agent exports Log4j2 events as log records and reads them in the"
              + " Log4j API, before this agent redacts them, so those records carry personal data;"
              + " set otel.instrumentation.log4j-appender.enabled=false (or otel.logs.exporter=none)");
    } else {
      AgentReport.once(
          "opentelemetry-order",
          "the OpenTelemetry Java agent was started after this agent and exports log records: a"
              + " Logback event handed to Logger#callAppenders, or a java.util.logging record handed"
              + " to Logger#log(LogRecord), by code outside that logger reaches its log export"
              + " before redaction; put -javaagent:piiwarden-agent.jar after the OpenTelemetry"
              + " agent's -javaagent (or set otel.logs.exporter=none)");
    }
  }

  private static boolean openTelemetryStarted() {
    try {
      Class.forName(BOOTSTRAP_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  /**
   * Whether OpenTelemetry's options leave its log export of {@code instrumentation} on: not when
   * its agent or SDK is disabled, its logs exporter is {@code none}, or the instrumentation is off
   * (by its own option, else by {@code otel.instrumentation.common.default-enabled}).
   */
  private static boolean exportsLogsOf(String instrumentation) {
    if (is("otel.javaagent.enabled", "false")
        || is("otel.sdk.disabled", "true")
        || is("otel.logs.exporter", "none")) {
      return false;
    }
    String enabled = option("otel.instrumentation." + instrumentation + ".enabled");
    return enabled != null
        ? !enabled.equalsIgnoreCase("false")
        : !is("otel.instrumentation.common.default-enabled", "false");
  }

  private static boolean is(String name, String value) {
    String given = option(name);
    return given != null && given.equalsIgnoreCase(value);
  }

  /** OpenTelemetry's option: the system property, else the environment variable, trimmed. */
  private static String option(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null ? null : value.trim();
  }
}

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.BootstrapJar;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.RedactionCounts;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Log redaction in the agent. {@link #start} registers {@link RedactionCandidateTransformer}, which
 * matches the hooked classes by exact name; the bootstrap bridge, the redactor and the hooks
 * ({@link RedactionActivation}) are built when the first of them loads, so a JVM that loads no
 * logging framework pays for none of it. Classes of those names already loaded (an attach, or
 * {@code java.util.logging.Logger} loaded by something before the agent) are retransformed. This
 * class names no bridge type, so nothing loads one from the agent jar before the bootstrap copy is
 * in place.
 */
public final class AgentRedaction {
  /** The hooked classes' binary names, for the retransformation of those already loaded. */
  static final Set<String> HOOKED = binaryNames(List.of(LogbackEventRedaction.TYPE_NAME,
      Log4jEventRedaction.TYPE_NAME, ThrowableProxyRedaction.TYPE_NAME, JulRecordRedaction.TYPE_NAME,
      JbossRecordRedaction.TYPE_NAME, Log4jApiBridgeRedaction.TYPE_NAME, Slf4jJulAdapterRedaction.TYPE_NAME,
      Slf4jJulAdapterRedaction.TYPE_NAME_1, Slf4jKeyValueTextRedaction.TYPE_NAME,
      Log4jSlf4jKeyValueRedaction.TYPE_NAME),
      ExceptionClassNames.ALL);
  /** The servers' access log writers' binary names, as {@link #HOOKED}. */
  static final Set<String> ACCESS_LOG_WRITERS = binaryNames(
      List.of(AccessLogRedaction.TOMCAT, AccessLogRedaction.JETTY, AccessLogRedaction.UNDERTOW,
          AccessLogRedaction.QUARKUS, AccessLogRedaction.LOGBACK_ACCESS,
          AccessLogRedaction.LOGBACK_ACCESS_1, AccessLogRedaction.LOGSTASH_ENCODER,
          AccessLogRedaction.LOGSTASH_LAYOUT), Set.of());

  private static volatile RedactionActivation activation;

  private AgentRedaction() {}

  /**
   * Starts redaction unless {@code piiwarden.redaction.enabled=false}, and (either way) offers the
   * object renderer to the application's {@code PersonalDataExport.redact}. Never throws: a failure is
   * reported once on stderr and the application runs on, its logs unredacted.
   */
  public static void start(AgentConfiguration configuration, Instrumentation instrumentation, boolean attached) {
    boolean enabled = Boolean.parseBoolean(configuration.get(AgentOption.REDACTION_ENABLED));
    RedactionActivation started = enabled ? new RedactionActivation(configuration, instrumentation) : null;
    try {
      // The application's PersonalDataExport.redact finds this through the bootstrap bridge, as
      // Consents finds the ledger; nothing is built until it is first called.
      BootstrapJar.whenAppended(new AgentObjectRenderer.Install(new AgentObjectRenderer(configuration, started)));
    } catch (Throwable failure) {
      AgentReport.once(
          "render-install",
          "could not offer the object renderer to PersonalDataExport.redact (" + AgentReport.describe(failure) + ")");
    }
    if (!enabled) {
      return;
    }
    try {
      OpenTelemetryLogExport.atStart();
      activation = started;
      if (attached || Boolean.parseBoolean(configuration.get(AgentOption.REDACTION_STDOUT))) {
        // an attach works at once; stdout has no class to wait for
        started.start();
      }
      boolean accessLogs = Boolean.parseBoolean(configuration.get(AgentOption.REDACTION_ACCESS_LOGS));
      instrumentation.addTransformer(new RedactionCandidateTransformer(started, accessLogs), true);
      retransformLoaded(instrumentation, accessLogs);
    } catch (Throwable failure) {
      AgentReport.once(
          "redaction-start",
          "could not start log redaction (" + AgentReport.describe(failure)
              + "); the application runs with its logs unredacted");
    }
  }

  /**
   * Replacements per type (and failures) since the last call, resetting them: for the audit
   * trail's periodic {@code redaction} events. Null when redaction is off or not started.
   */
  public static RedactionCounts snapshotAndReset() {
    RedactionActivation current = activation;
    return current == null ? null : current.snapshotAndReset();
  }

  private static Set<String> binaryNames(List<String> hooks, Set<String> exceptionClasses) {
    Set<String> names = new HashSet<>();
    for (Collection<String> internalNames : List.of(hooks, exceptionClasses)) {
      for (String name : internalNames) {
        names.add(name.replace('/', '.'));
      }
    }
    return Set.copyOf(names);
  }

  /** The hooked classes loaded before the transformer was registered; each on its own. */
  private static void retransformLoaded(Instrumentation instrumentation, boolean accessLogs) {
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      String name = type.getName();
      if ((HOOKED.contains(name) || accessLogs && ACCESS_LOG_WRITERS.contains(name))
          && instrumentation.isModifiableClass(type)) {
        loaded.add(type);
      }
    }
    for (Class<?> type : loaded) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable failure) {
        AgentReport.once(
            "redaction-transform-" + type.getName(),
            "could not instrument " + type.getName() + " (" + AgentReport.describe(failure)
                + "); its log events are not redacted");
      }
    }
  }
}

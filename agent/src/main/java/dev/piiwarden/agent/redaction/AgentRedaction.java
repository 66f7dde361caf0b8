package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.RedactionCounts;
import java.lang.instrument.Instrumentation;

/**
 * Log redaction in the agent: {@link #start} puts the bridge on the bootstrap class path, then
 * {@link RedactionStart} builds the redactor from the {@code piiwarden.redaction.*} options and
 * installs the hooks. This class names no bridge type, so nothing loads one from the agent jar
 * before the bootstrap copy is in place.
 */
public final class AgentRedaction {
  private AgentRedaction() {}

  /**
   * Starts redaction unless {@code piiwarden.redaction.enabled=false}. Never throws: a failure is
   * reported once on stderr and the application runs on, its logs unredacted.
   */
  public static void start(AgentConfiguration configuration, Instrumentation instrumentation, boolean attached) {
    if (!Boolean.parseBoolean(configuration.get(AgentOption.REDACTION_ENABLED))) {
      return;
    }
    try {
      RedactionBootstrapJar.append(instrumentation);
      RedactionStart.install(configuration, instrumentation, attached);
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
    return RedactionStart.snapshotAndReset();
  }
}

package dev.piiwarden.agent;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.ConfigurationError;
import dev.piiwarden.agent.config.ConfigurationSources;
import dev.piiwarden.agent.redaction.AgentRedaction;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.api.spi.AgentLedgerBackend;
import java.lang.instrument.Instrumentation;

/**
 * Start-up, in this order: read and check the configuration (a wrong value stops the JVM before
 * {@code main}), open the audit trail, then install enforcement, which at {@code premain} builds its parts only when
 * the application first needs them. Nothing here touches JUL, a logging framework or JMX, which
 * the application may still configure.
 */
final class AgentStartup {
  private static volatile boolean started;

  private AgentStartup() {}

  static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    AgentConfiguration configuration;
    try {
      configuration = ConfigurationSources.ofThisJvm(arguments).resolve();
    } catch (ConfigurationError error) {
      System.err.println(error.line());
      System.err.flush();
      if (attached) {
        // The application is already running; stopping it is not ours to do. Refuse to attach.
        return;
      }
      // Nothing of the application has run yet, so there is nothing to shut down cleanly; halt
      // cannot be delayed by other agents' shutdown hooks. A compliance control must not start
      // silently off.
      Runtime.getRuntime().halt(1);
      return;
    }
    if (!configuration.enabled()) {
      AgentReport.line("disabled by piiwarden.enabled=false");
      // No ledger is installed; Consents says why instead of "start the JVM with -javaagent".
      System.setProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY, "true");
      return;
    }
    System.clearProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY); // enabled by a later attach
    synchronized (AgentStartup.class) {
      if (started) {
        AgentReport.line("already running in this JVM; the second start is ignored");
        return;
      }
      started = true;
    }
    try {
      AgentAudit.start(configuration, attached);
      ConsentEnforcement.install(configuration, instrumentation, attached);
    } catch (Throwable failure) {
      AgentReport.once(
          "start",
          "could not start ("
              + AgentReport.describe(failure)
              + "); the application runs without consent enforcement");
    }
    // Log redaction (dev.piiwarden.agent.redaction): its own transformer, started on the first
    // logging class it hooks; never throws.
    AgentRedaction.start(configuration, instrumentation, attached);
  }
}

package dev.piiwarden.agent;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.config.ConfigurationError;
import dev.piiwarden.agent.config.ConfigurationSources;
import dev.piiwarden.agent.config.RequiredModules;
import dev.piiwarden.agent.redaction.AgentRedaction;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.api.spi.AgentLedgerBackend;
import dev.piiwarden.core.consent.LedgerFileAccess;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up, in this order: read and check the configuration (a wrong value stops the JVM before
 * {@code main}), and a {@code file:} ledger's mode and owner (one that others may write stops it
 * too), open the audit trail, then install enforcement, which at {@code premain} builds its parts only when
 * the application first needs them. Nothing here touches JUL, a logging framework or JMX, which
 * the application may still configure.
 */
final class AgentStartup {
  /** The configuration of the agent's first start in this JVM, null before it. */
  private static AgentConfiguration running;

  private AgentStartup() {}

  /**
   * The agent runs once per JVM. Another start (a second attach, or two {@code -javaagent}
   * entries) is reported and audited; with other options than the running ones, an attach is
   * refused so that the operator does not believe them in force.
   */
  private static void secondStart(AgentConfiguration configuration, boolean attached) {
    boolean same = configuration.equals(running);
    String message = same
        ? "already running in this JVM; the second start, with the same options, is ignored"
        : "already running in this JVM with other options; the second start is ignored and the"
            + " first start's options stay in force: restart the JVM to change them";
    AgentReport.each(message);
    if (attached && !same) {
      throw new IllegalStateException("piiwarden: " + message);
    }
  }

  /**
   * Stops a start that must not go on: one line on stderr, then the JVM halts before {@code main},
   * or an attach is refused.
   */
  private static void refuse(String given, boolean attached) {
    refuse(List.of(given), attached);
  }

  /** As {@link #refuse(String, boolean)}, one line for each problem, so that one start names all. */
  private static void refuse(List<String> given, boolean attached) {
    List<String> lines = new ArrayList<>();
    for (String each : given) {
      String line = AgentReport.shown(each);
      System.err.println(line);
      lines.add(line);
    }
    System.err.flush();
    if (attached) {
      // The application is already running; stopping it is not ours to do. Refuse to attach,
      // and say so to the attaching tool too: loadAgent throws AgentInitializationException,
      // jcmd JVMTI.agent_load reports the failure.
      throw new IllegalArgumentException(String.join("\n", lines));
    }
    // Nothing of the application has run yet, so there is nothing to shut down cleanly; halt
    // cannot be delayed by other agents' shutdown hooks. A compliance control must not start
    // silently off.
    Runtime.getRuntime().halt(1);
  }

  /**
   * What makes a {@code file:} ledger untrustworthy (open to others, or another user's), checked
   * before anything else starts, as the audit key file is: whoever else may write it could record
   * consent that enforcement then follows. A ledger whose attributes cannot be read is left to the
   * store, which reports it at first use as a store that cannot answer.
   */
  private static Optional<String> ledgerProblem(AgentConfiguration configuration) {
    String store = configuration.get(AgentOption.CONSENT_STORE);
    if (!store.startsWith("file:")) {
      return Optional.empty();
    }
    Path file = Path.of(store.substring("file:".length())).toAbsolutePath().normalize();
    try {
      return LedgerFileAccess.problem(file, true);
    } catch (IOException unreadable) {
      return Optional.empty(); // the store's first read says what is wrong, naming the file
    }
  }

  /** The files the options name: their names may be personal data, which no line repeats. */
  private static String[] files(AgentConfiguration configuration) {
    String store = configuration.get(AgentOption.CONSENT_STORE);
    String sink = configuration.get(AgentOption.AUDIT_SINK);
    return new String[] {
      store.startsWith("file:") ? store.substring("file:".length()) : "",
      sink.startsWith("jsonl:") ? sink.substring("jsonl:".length()) : "",
      configuration.get(AgentOption.AUDIT_KEY_FILE),
      configuration.get(AgentOption.TAXONOMY),
      configuration.get(AgentOption.CONFIG_FILE)
    };
  }

  static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    if (!attached && HostProgram.isTool()) {
      return; // JAVA_TOOL_OPTIONS reaching jcmd, jstack or the piiwarden command: nothing to do there
    }
    AgentConfiguration configuration;
    try {
      configuration = ConfigurationSources.ofThisJvm(arguments).resolve();
      if (configuration.enabled()) {
        RequiredModules.check(configuration);
      }
    } catch (ConfigurationError error) {
      refuse(error.line(), attached);
      return;
    }
    if (!configuration.enabled()) {
      AgentReport.line("disabled by piiwarden.enabled=false");
      // No ledger is installed; Consents says why instead of "start the JVM with -javaagent".
      System.setProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY, "true");
      return;
    }
    AgentReport.maskPersonalPartsOf(files(configuration));
    Optional<String> ledger = ledgerProblem(configuration);
    if (ledger.isPresent()) {
      // the key file's mode too (read only, nothing created), so that one start names both: a
      // volume whose files are all group-writable shows every one of them at once
      List<String> problems = new ArrayList<>();
      problems.add("piiwarden: configuration error: " + AgentOption.CONSENT_STORE.key() + ": " + ledger.get());
      AgentAudit.existingKeyFileProblem(configuration)
          .ifPresent(key -> problems.add("piiwarden: configuration error: " + key));
      refuse(problems, attached);
      return;
    }
    System.clearProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY); // enabled by a later attach
    synchronized (AgentStartup.class) {
      if (running != null) {
        secondStart(configuration, attached);
        return;
      }
      running = configuration;
    }
    try {
      AgentAudit.start(configuration, attached);
      ConsentEnforcement.install(configuration, instrumentation, attached);
    } catch (AgentAudit.Refused refused) {
      // Attached, with a trail or key file that cannot be used: nothing is installed yet, so the
      // attach fails as a whole (as for any other configuration error) and a corrected one can
      // start the agent, rather than leave redaction on, consent unenforced and no trail.
      synchronized (AgentStartup.class) {
        running = null;
      }
      throw new IllegalArgumentException(refused.getMessage(), refused);
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

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.BootstrapJar;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.RedactionCounts;
import dev.piiwarden.core.redaction.Redactor;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Starts redaction once, when the first hooked class loads (or at once for an attach or for
 * {@code redaction.stdout}): the bridge onto the bootstrap class path, then {@link RedactionStart}
 * (redactor, hooks). Other threads wait for the start, so no event of theirs passes unredacted; a
 * hooked class loaded on the starting thread itself, while it starts, is hooked without waiting
 * (its events pass as they are until the hooks are in place). Names no bridge type, so nothing
 * loads one from the agent jar before the bootstrap copy is in place.
 */
final class RedactionActivation {
  private final AgentConfiguration configuration;
  private final Instrumentation instrumentation;
  private volatile Redactor redactor;
  private volatile boolean started;
  private volatile Module bridgeModule;
  private boolean starting;
  private boolean failed;

  RedactionActivation(AgentConfiguration configuration, Instrumentation instrumentation) {
    this.configuration = configuration;
    this.instrumentation = instrumentation;
  }

  /** Counts since the last call, resetting them; null until redaction started. */
  RedactionCounts snapshotAndReset() {
    Redactor current = redactor;
    return current == null ? null : current.snapshotAndReset();
  }

  /** The redactor once redaction started; null before. */
  Redactor redactor() {
    return redactor;
  }

  /** Starts redaction if not yet done; false when it could not start (reported once). */
  boolean start() {
    if (started) {
      return true;
    }
    synchronized (this) {
      if (started || failed || starting) {
        return started;
      }
      starting = true;
      try {
        BootstrapJar.append(instrumentation);
        bridgeModule = RedactionStart.bridgeModule();
        redactor = RedactionStart.install(configuration, instrumentation);
        started = true;
      } catch (Throwable failure) {
        failed = true;
        AgentReport.once(
            "redaction-start",
            "could not start log redaction (" + AgentReport.describe(failure)
                + "); the application runs with its logs unredacted");
      } finally {
        starting = false;
      }
      return started;
    }
  }

  /**
   * Whether a hooked class in {@code module} may be rewritten: redaction started (or is starting
   * on this thread with the bridge in place), and the module reads the bridge's.
   */
  boolean bridged(Module module) {
    if (!start()) {
      synchronized (this) { // held already when this thread is the one starting
        if (!starting || bridgeModule == null) {
          return false;
        }
      }
    }
    Module bridge = bridgeModule;
    if (module != null && module.isNamed() && !module.canRead(bridge)) {
      instrumentation.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
    }
    return true;
  }
}

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.ObjectRedaction;
import dev.piiwarden.core.redaction.Redactor;
import java.util.function.Function;

/**
 * What the application's {@code PersonalDataExport.redact(object)} reaches through the bootstrap
 * bridge ({@code RenderBridge}): core's {@link ObjectRedaction} over the log redactor, so a value
 * gives the same mask or hash token in {@code redact} as in the logs. The first call starts log
 * redaction if no logging class has yet; with {@code redaction.enabled=false} it uses a redactor of
 * its own made from the same options. Never throws: a failure gives {@link Redactor#FAILED}.
 */
final class AgentObjectRenderer implements Function<Object, String> {
  private final AgentConfiguration configuration;
  private final RedactionActivation activation;
  private volatile ObjectRedaction objects;

  /** @param activation log redaction's start, or null when it is off */
  AgentObjectRenderer(AgentConfiguration configuration, RedactionActivation activation) {
    this.configuration = configuration;
    this.activation = activation;
  }

  @Override
  public String apply(Object object) {
    try {
      return objects().render(object);
    } catch (Throwable failure) {
      AgentReport.once(
          "render-failure",
          "PersonalDataExport.redact failed (" + failure.getClass().getName() + "); it returned "
              + Redactor.FAILED);
      return Redactor.FAILED;
    }
  }

  private ObjectRedaction objects() throws Exception {
    ObjectRedaction current = objects;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (objects == null) {
        Redactor redactor = activation != null && activation.start() ? activation.redactor() : null;
        if (redactor == null) {
          redactor = Redactor.create(RedactionStart.settings(configuration));
        }
        objects = new ObjectRedaction(redactor);
      }
      return objects;
    }
  }

  /** Puts a renderer behind the bridge once the bootstrap jar is in place. */
  static final class Install implements Runnable {
    private final AgentObjectRenderer renderer;

    Install(AgentObjectRenderer renderer) {
      this.renderer = renderer;
    }

    @Override
    public void run() {
      try {
        BridgeSide.install(renderer);
      } catch (Throwable failure) {
        AgentReport.once(
            "render-install",
            "could not offer the object renderer to PersonalDataExport.redact ("
                + AgentReport.describe(failure) + ")");
      }
    }
  }

  /** Names the bridge type: loaded only when the bridge is on the bootstrap class path. */
  private static final class BridgeSide {
    private BridgeSide() {}

    static void install(AgentObjectRenderer renderer) {
      dev.piiwarden.agent.bootstrap.RenderBridge.install(renderer);
    }
  }
}

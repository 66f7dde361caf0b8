package dev.piiwarden.api.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * The agent's object renderer, reached through the bridge class the agent puts on the bootstrap
 * class path ({@code dev.piiwarden.agent.bootstrap.RenderBridge}), by name and with JDK types only,
 * as {@link AgentLedgerBackend} reaches the ledger: so {@link
 * dev.piiwarden.api.PersonalDataExport#redact(Object)} works with the agent attached and only
 * piiwarden-annotations on the class path. Applications do not need it.
 */
public final class AgentObjectRenderer implements ObjectRenderer {
  private static final String BRIDGE = "dev.piiwarden.agent.bootstrap.RenderBridge";

  private final Function<Object, String> renderer;

  private AgentObjectRenderer(Function<Object, String> renderer) {
    this.renderer = renderer;
  }

  /** The agent's renderer when the agent is running in this JVM and has put its bridge in place. */
  public static Optional<ObjectRenderer> find() {
    Class<?> bridge;
    try {
      bridge = Class.forName(BRIDGE, true, null);
    } catch (ClassNotFoundException noAgent) {
      return Optional.empty();
    } catch (LinkageError e) {
      throw new IllegalStateException("the PII Warden agent's render bridge is not usable", e);
    }
    try {
      Object renderer = bridge.getMethod("renderer").invoke(null);
      if (!(renderer instanceof Function)) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Function<Object, String> function = (Function<Object, String>) renderer;
      return Optional.of(new AgentObjectRenderer(function));
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the PII Warden agent's render bridge is not usable", e);
    }
  }

  @Override
  public String render(Object object) {
    return renderer.apply(object);
  }
}

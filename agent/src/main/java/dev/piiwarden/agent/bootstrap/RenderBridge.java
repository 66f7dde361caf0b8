package dev.piiwarden.agent.bootstrap;

import java.util.function.Function;

/**
 * The agent's object renderer, for the application's {@code PersonalDataExport.redact}. On the
 * bootstrap class path with {@link ConsentBridge}, so the application's (unrelocated) API finds it
 * by name whichever loader holds it; JDK types only, so the renderer means the same on both sides.
 * The agent sets it when it puts the bridge in place.
 */
public final class RenderBridge {
  private static volatile Function<Object, String> renderer;

  private RenderBridge() {}

  /** Called by the agent. */
  public static void install(Function<Object, String> newRenderer) {
    renderer = newRenderer;
  }

  /**
   * The agent's renderer: never throws and never returns a raw personal data value; null before
   * the agent has set it.
   */
  public static Function<Object, String> renderer() {
    return renderer;
  }
}

package dev.piiwarden.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. Kept tiny: all work happens in {@link AgentStartup}, reached only after
 * the bootstrap bridge is in place, so that no bridge class is loaded from the wrong loader.
 */
public final class PiiWardenAgent {
  private PiiWardenAgent() {}

  /** {@code -javaagent:piiwarden-agent.jar[=options]}. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    AgentStartup.start(arguments, instrumentation, false);
  }

  /** Attach to a running JVM. */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    AgentStartup.start(arguments, instrumentation, true);
  }
}

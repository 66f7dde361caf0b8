package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.BootstrapJar;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.core.audit.OwnLineMarker;

/**
 * Lets the log hooks leave the trail's own lines alone when the trail is written through the
 * {@code slf4j:} sink: around each line the writer thread enters the hooks' call depth with that
 * line as the one already handled, so the hook that sees the event treats it as redacted, the way
 * it treats an event bridged from another framework (see {@link RedactionCallDepth}). Before the
 * bridge is on the boot class path no hook is installed and nothing is marked.
 */
final class AuditLinesForHooks implements OwnLineMarker, Runnable {
  private volatile boolean bridgeAppended;

  AuditLinesForHooks() {
    BootstrapJar.whenAppended(this);
  }

  /** The bridge is on the boot class path. */
  @Override
  public void run() {
    bridgeAppended = true;
  }

  @Override
  public boolean begin(String line) {
    if (!bridgeAppended) {
      return false;
    }
    HookDepth.enter(line);
    return true;
  }

  @Override
  public void end() {
    HookDepth.leave();
  }

  /** Names the bridge class only once it is on the boot class path, so it loads from there. */
  private static final class HookDepth {
    static void enter(String line) {
      RedactionCallDepth depth = RedactionCallDepth.current();
      depth.enter();
      depth.handled(line);
    }

    static void leave() {
      RedactionCallDepth.current().leave();
    }
  }
}

package dev.piiwarden.agent.audit;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code agent.problem} events: each problem reported on stderr, also one reported before the
 * trail is open (a misspelt option found while the options are read, say). Those are held, up to
 * {@value #HELD_AT_MOST}, and written right after {@code agent.started}; any beyond are counted in
 * one more event.
 */
final class ProblemEvents {
  static final int HELD_AT_MOST = 64;

  private final List<String> held = new ArrayList<>();
  private long notHeld;
  private AuditTrail opened;

  /** Records the problem in {@code trail}, or holds it while there is none yet. */
  void record(AuditTrail trail, String message) {
    if (trail != null) {
      trail.record(event(message));
      return;
    }
    synchronized (this) {
      if (opened != null) {
        // the thread that opens the trail, after the held problems were written
        opened.record(event(message));
      } else if (held.size() < HELD_AT_MOST) {
        held.add(message);
      } else {
        notHeld++;
      }
    }
  }

  /** Writes the held problems into the trail just opened; later ones go to it directly. */
  synchronized void opened(AuditTrail trail) {
    for (String message : held) {
      trail.record(event(message));
    }
    if (notHeld > 0) {
      trail.record(event(notHeld + " more problems were reported on stderr before the audit trail"
          + " was open; the first " + HELD_AT_MOST + " are the events before this one"));
    }
    held.clear();
    opened = trail;
  }

  private static AuditEvent event(String message) {
    return AuditEvent.of(AuditEventType.AGENT_PROBLEM).detail("message", message).build();
  }
}

package dev.piiwarden.agent.audit;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.redaction.RedactionCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code redaction} events: how many values log redaction replaced, per type, over an
 * interval, with {@code counts} (type to count, zero counts left out), {@code failures}, and the
 * interval's {@code from} and {@code to}. An interval with nothing replaced and nothing failed
 * gives no event.
 *
 * <p>{@link AgentAudit} turns it on at start with {@code AgentRedaction::snapshotAndReset} every 60
 * s; the last interval is written at shutdown, before {@code agent.stopped}.
 */
public final class RedactionAuditEvents {
  private RedactionAuditEvents() {}

  /**
   * Writes the counts {@code source} gives (and resets) every {@code interval} and at shutdown.
   * A source that gives null (redaction off) writes nothing.
   */
  public static void every(Duration interval, Supplier<RedactionCounts> source) {
    Interval current = new Interval(source);
    AgentAudit.periodic(interval, current);
  }

  /** The event for counts over {@code from}..{@code to}, or null when there is nothing to say. */
  static AuditEvent of(RedactionCounts counts, Instant from, Instant to) {
    if (counts == null || counts.isEmpty()) {
      return null;
    }
    Map<String, Object> replaced = new TreeMap<>();
    for (Map.Entry<String, Long> count : counts.byType().entrySet()) {
      if (count.getValue() > 0) {
        replaced.put(count.getKey(), count.getValue());
      }
    }
    return AuditEvent.of(AuditEventType.REDACTION)
        .ts(to)
        .detail("counts", replaced)
        .detail("failures", counts.failures())
        .detail("from", from.toString())
        .detail("to", to.toString())
        .build();
  }

  /** One source's intervals: each event covers the time since the one before. */
  private static final class Interval implements Supplier<AuditEvent> {
    private final Supplier<RedactionCounts> source;
    private Instant from = Instant.now();

    Interval(Supplier<RedactionCounts> source) {
      this.source = source;
    }

    @Override
    public synchronized AuditEvent get() {
      Instant to = Instant.now();
      AuditEvent event = of(source.get(), from, to);
      from = to;
      return event;
    }
  }
}

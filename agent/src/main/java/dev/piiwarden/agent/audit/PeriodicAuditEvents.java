package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sources of periodic audit events, each asked every interval on one daemon thread ({@code
 * piiwarden-audit-periodic}, started with the first source) and once more at shutdown. A plain
 * thread waiting on a monitor rather than a scheduled executor: the trail opens while the
 * application starts, and an executor with its lambdas costs that start more classes.
 */
final class PeriodicAuditEvents implements Runnable {
  private final List<Source> sources = new ArrayList<>();
  private Thread thread;
  private boolean stopped;

  /** Asks {@code source} every {@code millis}, the first time one interval from now. */
  synchronized void add(long millis, Supplier<AuditEvent> source) {
    if (stopped) {
      return;
    }
    sources.add(new Source(source, millis, System.nanoTime() / 1_000_000 + millis));
    if (thread == null) {
      thread = new Thread(this, "piiwarden-audit-periodic");
      thread.setDaemon(true);
      thread.start();
    } else {
      notifyAll();
    }
  }

  /**
   * Stops the thread, then asks every source once more (the last interval, at shutdown) and returns
   * their events, for the shutdown to record within its time bound.
   */
  List<AuditEvent> stopAndTakeLast() {
    List<Source> last;
    synchronized (this) {
      stopped = true;
      notifyAll();
      last = new ArrayList<>(sources);
    }
    List<AuditEvent> events = new ArrayList<>(last.size());
    for (Source source : last) {
      AuditEvent event = ask(source.events);
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  @Override
  public void run() {
    List<Source> due = new ArrayList<>();
    while (true) {
      synchronized (this) {
        long wait;
        while (!stopped && (wait = untilNext(due)) > 0) {
          try {
            wait(wait);
          } catch (InterruptedException e) {
            // Nobody else interrupts this thread: take it as a stop and end.
            return;
          }
        }
        if (stopped) {
          return;
        }
      }
      for (Source source : due) {
        emit(source.events);
      }
    }
  }

  /** Milliseconds until the next source is due; 0 when some are, with those in {@code due}. */
  private long untilNext(List<Source> due) {
    due.clear();
    long now = System.nanoTime() / 1_000_000;
    long next = Long.MAX_VALUE;
    for (Source source : sources) {
      if (source.dueAt <= now) {
        due.add(source);
        source.dueAt += source.millis;
      } else {
        next = Math.min(next, source.dueAt - now);
      }
    }
    return due.isEmpty() ? next : 0;
  }

  private static void emit(Supplier<AuditEvent> source) {
    AuditEvent event = ask(source);
    if (event != null) {
      AgentAudit.record(event);
    }
  }

  /** The source's event; null when it has none or failed (reported once). */
  private static AuditEvent ask(Supplier<AuditEvent> source) {
    try {
      return source.get();
    } catch (RuntimeException failure) {
      AgentReport.once("audit-periodic:" + failure.getClass().getName(),
          "a periodic audit event failed (" + AgentReport.describe(failure) + ")");
      return null;
    }
  }

  private static final class Source {
    final Supplier<AuditEvent> events;
    final long millis;
    long dueAt;

    Source(Supplier<AuditEvent> events, long millis, long dueAt) {
      this.events = events;
      this.millis = millis;
      this.dueAt = dueAt;
    }
  }
}

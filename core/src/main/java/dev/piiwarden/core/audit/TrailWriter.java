package dev.piiwarden.core.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one writer thread of an {@link AuditTrail}: opens the sink, then takes batches from the
 * queue, seals them into the chain and writes them, syncing as the {@link FsyncPolicy} says.
 * A failing sink is retried with the same records, backing off from 50 ms to 2 s.
 */
final class TrailWriter implements Runnable {
  /** Queued by {@link AuditTrail#shutdown}: everything before it is written, then the thread ends. */
  static final AuditEvent STOP = AuditEvent.of("piiwarden.internal.stop").build();

  private static final int MAX_BATCH = 1024;
  private static final long FIRST_BACKOFF_MILLIS = 50;
  private static final long MAX_BACKOFF_MILLIS = 2000;
  private static final long IDLE_POLL_MILLIS = 200;
  /** Clashes with other writers in a row that are taken as contention before being a failure. */
  static final int MAX_CONTENDED = 100;

  private final AuditKey key;
  private final AuditSink sink;
  private final BlockingQueue<AuditEvent> queue;
  private final FsyncPolicy fsync;
  private final Consumer<String> problems;
  private final AtomicLong droppedSinceLastEvent = new AtomicLong();
  private final AtomicLong lostAtClose = new AtomicLong();
  /** The first of the shutdown's last events: the drops counted so far are sealed before it. */
  private volatile AuditEvent firstLast;
  /** Events queued after STOP: recorded as the trail was being closed, not written. */
  private final AtomicLong afterStop = new AtomicLong();
  private volatile boolean stopTaken;
  private volatile boolean givenUp;
  private volatile long unwritten;

  private final List<AuditEvent> own = new ArrayList<>();
  private HashChain chain;
  private final List<SealedRecord> pending = new ArrayList<>();
  private boolean failing;
  /** Written by the writer thread only; read by callers held at the bound ({@link #held}). */
  private volatile long outages;
  /** The outage in which a held caller was last reported ({@link #held}); -1 before any. */
  private final AtomicLong heldReportedFor = new AtomicLong(-1);
  private boolean unsynced;
  private long lastSyncNanos = System.nanoTime();

  TrailWriter(AuditKey key, AuditSink sink, BlockingQueue<AuditEvent> queue, FsyncPolicy fsync,
      Consumer<String> problems) {
    this.key = key;
    this.sink = sink;
    this.queue = queue;
    this.fsync = fsync;
    this.problems = problems;
  }

  void dropped() {
    droppedSinceLastEvent.incrementAndGet();
  }

  /** An event from this thread: sealed with the next batch. */
  void recordOwn(AuditEvent event) {
    own.add(event);
  }

  /**
   * A caller begins to wait at the bound under {@code overflow block}: said the first time, and
   * again in each later outage of the sink, so that a service held by its audit sink says why. The
   * first outage and anything before it are one: the queue may fill a moment before the writer's
   * first failed write is counted.
   */
  void held() {
    long outage = Math.max(1, outages);
    long reported = heldReportedFor.get();
    if (reported == outage || !heldReportedFor.compareAndSet(reported, outage)) {
      return;
    }
    report("the audit queue is full" + (outage == 1 ? "" : " again, outage " + outage) + "; under"
        + " overflow block, every thread that records an audit event waits until audit sink "
        + sink.describe() + " has taken more, so nothing is lost: if the sink failed (its line says"
        + " why) make it work again, if it is slow make it faster, or choose overflow drop so that"
        + " those threads go on and what is dropped is counted");
  }

  /**
   * Called by {@link AuditTrail#shutdown} before it queues its last events (e.g. {@code
   * agent.stopped}), so that no {@code audit.dropped} follows them: the drops counted until the
   * first of them is taken are sealed right before it.
   */
  void lastEventsBeginWith(AuditEvent first) {
    firstLast = first;
  }

  /**
   * How many events were queued after STOP (by callers that passed the closed check just before
   * the close) and so not written; after the thread ended, also those still in the queue.
   */
  long afterStop() {
    return afterStop.get();
  }

  /** Whether the thread took STOP: everything queued before it was taken. */
  boolean stopTaken() {
    return stopTaken;
  }

  /** A last event of a shutdown that found no room in the queue within the close timeout. */
  void lostAtClose() {
    lostAtClose.incrementAndGet();
  }

  void giveUp() {
    givenUp = true;
  }

  /** How many taken or queued events were not written when the thread ended. */
  long unwritten() {
    return unwritten;
  }

  void report(String line) {
    try {
      problems.accept(line);
    } catch (RuntimeException e) {
      // The listener is the application's; its failure must not stop the writer. Nowhere else
      // to report it, so it goes to stderr as a last resort.
      System.err.println("piiwarden: the audit problem listener failed: " + e);
    }
  }

  @Override
  public void run() {
    boolean stopping = false;
    try {
      if (!openSink()) {
        return;
      }
      List<AuditEvent> taken = new ArrayList<>(MAX_BATCH);
      while (!givenUp) {
        if (pending.isEmpty() && !own.isEmpty()) {
          sealOwn(); // the writer's own events (e.g. its recovery) go out even when idle or stopping
        } else if (pending.isEmpty()) {
          if (stopping) {
            break;
          }
          taken.clear();
          AuditEvent first = queue.poll(pollMillis(), TimeUnit.MILLISECONDS);
          if (first == null) {
            syncIfDue();
            continue;
          }
          taken.add(first);
          queue.drainTo(taken, MAX_BATCH - 1);
          for (AuditEvent event : taken) {
            if (event == STOP) {
              stopping = true;
              stopTaken = true;
            } else if (stopping) {
              // queued by a caller that passed the closed check just before the close: after the
              // last events, so not written, but counted with the events after the close
              afterStop.incrementAndGet();
            } else {
              if (event == firstLast) {
                sealDropped();
              }
              pending.add(chain.seal(event));
            }
          }
          sealOwn();
          if (!stopping) {
            sealDropped(); // after STOP, a drop counted since is one not written (finish)
          }
          if (pending.isEmpty()) {
            continue;
          }
        }
        writePending();
      }
    } catch (InterruptedException e) {
      // Interrupted by shutdown after its wait ran out: what is left is counted below.
      Thread.currentThread().interrupt();
    } finally {
      finish();
    }
  }

  private void sealDropped() {
    long dropped = droppedSinceLastEvent.getAndSet(0);
    if (dropped > 0) {
      pending.add(chain.seal(AuditEvent.of(AuditEventType.AUDIT_DROPPED)
          .detail("dropped", dropped).build()));
    }
  }

  private void sealOwn() {
    for (AuditEvent event : own) {
      pending.add(chain.seal(event));
    }
    own.clear();
  }

  private boolean openSink() throws InterruptedException {
    long backoff = FIRST_BACKOFF_MILLIS;
    while (!givenUp) {
      try {
        AuditSink.Start start = sink.open();
        chain = new HashChain(key, start.position());
        recovered();
        if (start.torn() != null) {
          acknowledgeTorn(start.torn(), start.position());
        }
        return true;
      } catch (Exception e) {
        failed(e);
        Thread.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
    return false;
  }

  private void acknowledgeTorn(AuditSink.TornTail torn, ChainPosition position) {
    reportTorn(torn, position);
    pending.add(chain.seal(recoveredEvent(key, torn)));
  }

  private void reportTorn(AuditSink.TornTail torn, ChainPosition position) {
    report("audit file " + torn.fileName() + ": line " + torn.line() + " holds a torn record ("
        + torn.bytes().length + " bytes, a crash while writing); the chain continues from seq "
        + position.seq() + " and an audit.recovered record names the torn line");
  }

  /** The {@code audit.recovered} event that acknowledges a torn tail; {@link AuditAppender} too. */
  static AuditEvent recoveredEvent(AuditKey key, AuditSink.TornTail torn) {
    return AuditEvent.of(AuditEventType.AUDIT_RECOVERED)
        .detail("file", torn.fileName())
        .detail("line", torn.line())
        .detail("bytes", (long) torn.bytes().length)
        .detail("tornHmac", key.hash().hex(torn.bytes()))
        .build();
  }

  private void writePending() throws InterruptedException {
    long backoff = FIRST_BACKOFF_MILLIS;
    int contended = 0;
    while (!givenUp) {
      try {
        AuditSink.Start moved = sink.claim();
        if (moved != null) {
          continueFrom(moved);
        }
        sink.write(pending);
        pending.clear();
        unsynced = true;
        recovered();
        if (Duration.ZERO.equals(fsync.interval())) {
          sync();
        } else {
          syncIfDue();
        }
        return;
      } catch (AuditSink.Contended e) {
        // Another writer of a shared sink got there first: claim and seal again at once. Only a
        // clash that keeps coming back (not another writer's progress) counts as a failure.
        if (++contended > MAX_CONTENDED) {
          failed(e);
          Thread.sleep(backoff);
          backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
      } catch (AuditSink.Shrunk e) {
        continueAfterCut(e); // not a failure of the sink: claimed again at once
      } catch (Exception e) {
        failed(e);
        Thread.sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  /**
   * Something else cut records out of the sink: said once, and the held batch is sealed again from
   * this writer's own last record (the one before the batch), never from what the cut left, so the
   * removed records show as a gap. When records were appended after the cut by another writer that
   * got further, the batch goes after those instead. An event the problems listener recorded (the
   * agent's {@code agent.problem}) goes first: right where {@code verify} finds the gap.
   */
  private void continueAfterCut(AuditSink.Shrunk cut) {
    SealedRecord next = pending.get(0);
    ChainPosition from = new ChainPosition(next.seq() - 1, next.prev());
    if (cut.found() != null && cut.found().seq() > from.seq()) {
      from = cut.found();
    }
    report(cut.getMessage() + "; the chain goes on after seq " + from.seq() + ", the last record"
        + " written, so 'piiwarden audit verify' shows the records removed as a gap. Rotate the"
        + " trail by renaming it (logrotate without copytruncate), or leave rotation to PII Warden,"
        + " which renames a full file to the next number");
    List<AuditEvent> events = new ArrayList<>(own);
    own.clear();
    for (SealedRecord record : pending) {
      events.add(record.event());
    }
    pending.clear();
    chain = new HashChain(key, from);
    for (AuditEvent event : events) {
      pending.add(chain.seal(event));
    }
  }

  /** Another writer appended to the sink: the held batch is sealed again after its last record. */
  private void continueFrom(AuditSink.Start start) {
    if (start.torn() != null) {
      reportTorn(start.torn(), start.position());
    }
    chain = resealAfter(key, start, pending);
  }

  /**
   * Seals the events of {@code pending} again, in place, after the last record {@code start} found
   * (another writer's), with an {@code audit.recovered} first when it found a torn tail; the chain
   * to go on with. {@link AuditAppender} too.
   */
  static HashChain resealAfter(AuditKey key, AuditSink.Start start, List<SealedRecord> pending) {
    List<AuditEvent> events = new ArrayList<>(pending.size());
    for (SealedRecord record : pending) {
      events.add(record.event());
    }
    pending.clear();
    HashChain chain = new HashChain(key, start.position());
    if (start.torn() != null) {
      pending.add(chain.seal(recoveredEvent(key, start.torn())));
    }
    for (AuditEvent event : events) {
      pending.add(chain.seal(event));
    }
    return chain;
  }

  private long pollMillis() {
    Duration interval = fsync.interval();
    if (interval == null || interval.isZero()) {
      return IDLE_POLL_MILLIS;
    }
    return Math.max(1, Math.min(IDLE_POLL_MILLIS, interval.toMillis()));
  }

  private void syncIfDue() {
    Duration interval = fsync.interval();
    if (unsynced && interval != null && System.nanoTime() - lastSyncNanos >= interval.toNanos()) {
      sync();
    }
  }

  private void sync() {
    try {
      sink.sync();
      unsynced = false;
      lastSyncNanos = System.nanoTime();
    } catch (Exception e) {
      // Written but not yet durable: reported, and the next sync tries again.
      failed(e);
    }
  }

  /**
   * Says each outage once, and its end once ({@link #recovered}). From the second outage on, the
   * lines carry the outage's number: each is a new line, also for a listener that says each
   * distinct line once (the agent's stderr), so "works again" is never the last word while the
   * sink fails again.
   */
  private void failed(Exception e) {
    if (!failing) {
      failing = true;
      outages++;
      report("audit sink " + sink.describe() + " failed"
          + (outages == 1 ? " (" : " again, outage " + outages + " (") + e
          + "); the application goes on, events are held up to the queue's bound and then the"
          + " overflow policy applies; retrying");
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      report("audit sink " + sink.describe() + " works again"
          + (outages == 1 ? "" : " after outage " + outages) + "; held events are being written");
    }
  }

  private void finish() {
    long left = pending.size() + own.size() + lostAtClose.get()
        + droppedSinceLastEvent.getAndSet(0);
    if (stopTaken) {
      // all before STOP was taken: what is queued now came after the close
      for (AuditEvent event = queue.poll(); event != null; event = queue.poll()) {
        afterStop.incrementAndGet();
      }
    }
    for (AuditEvent event : queue) {
      if (event != STOP) {
        left++;
      }
    }
    unwritten = left;
    if (left > 0) {
      report(left + " audit events could not be written before shutdown (sink "
          + sink.describe() + ")");
    }
    try {
      sink.close();
    } catch (Exception e) {
      report("audit sink " + sink.describe() + " did not close cleanly (" + e + ")");
    }
  }
}

package dev.piiwarden.core.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tamper-evident audit trail (SPEC §7): callers {@link #record} events, one writer thread
 * numbers, chains and writes them to the sink.
 *
 * <p>The queue is bounded. When it is full, {@link OverflowPolicy#BLOCK} makes callers wait and
 * {@link OverflowPolicy#DROP} drops and counts; the writer then writes one {@code audit.dropped}
 * event with the count. When the sink fails, the writer keeps the records it took, retries with
 * backoff and takes nothing new meanwhile, so events are held up to the bound (the queue's capacity
 * plus the one batch, at most as large, the writer holds) and then the overflow policy applies; each outage is reported once, and its end once more
 * (from the second outage on with its number, so each is a new line). Nothing thrown by
 * the sink reaches a caller.
 *
 * <p>{@link #close} flushes what is queued, waiting at most the close timeout. An event recorded
 * by the writer thread itself (from the problems listener) skips the queue, so it never waits.
 *
 * <pre>{@code
 * AuditTrail trail = AuditTrail.open(AuditTrailOptions.defaults().sink("jsonl:audit/trail.jsonl"));
 * trail.record(AuditEvent.of(AuditEventType.ACCESS)
 *     .subject(trail.pseudonymizer().pseudonym(userId)).activity("com.acme.Users#fetch").build());
 * trail.close();
 * }</pre>
 */
public final class AuditTrail implements AutoCloseable {
  private final BlockingQueue<AuditEvent> queue;
  private final OverflowPolicy overflow;
  private final Duration closeTimeout;
  private final Pseudonymizer pseudonymizer;
  private final TrailWriter writer;
  private final Thread thread;
  private final AtomicLong droppedTotal = new AtomicLong();
  private final AtomicLong afterClose = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean reportedDrop = new AtomicBoolean();
  private volatile boolean allWritten;

  /** How often a caller held at the bound looks whether the trail was closed meanwhile. */
  private static final long BLOCKED_CHECK_MILLIS = 200;

  private AuditTrail(AuditKey key, AuditSink sink, AuditTrailOptions options) {
    this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    this.overflow = options.overflow();
    this.closeTimeout = options.closeTimeout();
    this.pseudonymizer = new Pseudonymizer(key);
    this.writer = new TrailWriter(key, sink, queue, options.fsync(), options.problems());
    this.thread = new Thread(writer, "piiwarden-audit-writer");
    // Daemon: the trail never keeps an application alive; close() at shutdown flushes it.
    thread.setDaemon(true);
  }

  /**
   * Opens the trail the options describe: loads or creates the key file, opens the sink (in the
   * background: a sink that is down is retried, not an error) and starts the writer. A jsonl trail
   * or a jdbc table that holds records is continued only with the key file it was written with: a
   * table that cannot be read now is checked when the sink opens, and until then (or, with another
   * key, until the table is renamed) the sink fails as one that is down.
   *
   * @throws AuditException for a bad sink URI, a key file that cannot be created or is unsafe, or
   *     a key file that is missing or another key while the jsonl trail or the jdbc table holds
   *     records, or a jsonl trail that ends in bytes no crash leaves ({@link JsonlSink#checkEnd})
   */
  public static AuditTrail open(AuditTrailOptions options) {
    SinkUri uri = SinkUri.parse(options.sink());
    AuditKey key = uri.key(options);
    uri.checkEnd();
    return start(key, uri.newTrailSink(options, key), options);
  }

  /** Starts a trail with this key and sink (a custom sink, or one built by hand). */
  public static AuditTrail start(AuditKey key, AuditSink sink, AuditTrailOptions options) {
    AuditTrail trail = new AuditTrail(key, sink, options);
    trail.thread.start();
    return trail;
  }

  /** The pseudonymizer with this trail's key: subjects go into events only through it. */
  public Pseudonymizer pseudonymizer() {
    return pseudonymizer;
  }

  /**
   * Queues the event. Under {@code block} this waits while the queue is full (the first caller to
   * wait in each outage of the sink is reported); under {@code drop} it drops and counts instead.
   * After {@link #close} events are not written but counted ({@link #arrivedAfterClose}; {@link
   * #shutdown} reports the count in one line as it ends), and a caller still waiting at the bound
   * when the trail is closed stops waiting within 200 ms and is counted the same way. They are no
   * {@code audit.dropped}: nothing can be written after the shutdown's last events.
   */
  public void record(AuditEvent event) {
    if (Thread.currentThread() == thread) {
      // From the writer itself (a problem listener that audits its problems): never wait on the
      // queue the writer alone empties.
      writer.recordOwn(event);
      return;
    }
    if (closed.get()) {
      late();
      return;
    }
    if (overflow == OverflowPolicy.DROP) {
      if (!queue.offer(event)) {
        dropOne();
        if (reportedDrop.compareAndSet(false, true)) {
          writer.report("the audit queue is full; under overflow drop, events are dropped and each"
              + " gap is written as one audit.dropped event with its count");
        }
      }
      return;
    }
    if (!queue.offer(event)) {
      writer.held();
      awaitRoom(event);
    }
  }

  /**
   * Under {@code block} with the queue full: waits for room, looking every {@value
   * #BLOCKED_CHECK_MILLIS} ms whether the trail was closed meanwhile (then the event is dropped as
   * any after close), so that a caller held at the bound never outlives the trail's shutdown.
   */
  private void awaitRoom(AuditEvent event) {
    try {
      while (!queue.offer(event, BLOCKED_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
        if (closed.get()) {
          late();
          return;
        }
        writer.held(); // an outage counted only after the queue filled is said all the same
      }
    } catch (InterruptedException e) {
      // The caller was interrupted while waiting: keep its interrupt, count the event as dropped.
      Thread.currentThread().interrupt();
      dropOne();
    }
  }

  private void late() {
    droppedTotal.incrementAndGet();
    afterClose.incrementAndGet();
  }

  /**
   * How many events were recorded after {@link #close} began, and so not written: calls made while
   * the JVM exits, by threads still running or by other shutdown hooks.
   */
  public long arrivedAfterClose() {
    // those that passed the closed check just before the close were queued behind the last events
    return afterClose.get() + writer.afterStop() + queuedAfterWriterEnded();
  }

  /** Events a caller queued after the writer took STOP and ended: nobody takes them. */
  private long queuedAfterWriterEnded() {
    return !thread.isAlive() && writer.stopTaken() ? queue.size() : 0;
  }

  /** How many events were dropped since the trail started, those after close included. */
  public long droppedCount() {
    return droppedTotal.get();
  }

  /**
   * Writes what is queued and closes the sink, waiting at most the close timeout.
   *
   * @return whether every event recorded before the call was written
   */
  public boolean shutdown() {
    return shutdown(List.of());
  }

  /**
   * Records the {@code last} events (e.g. {@code agent.stopped}), then {@link #shutdown}s; the
   * events and the flush share the one close timeout. They are the trail's last records: an {@code
   * audit.dropped} for events dropped before the close comes before them, and events recorded
   * after the close began are not written but counted, said in one line when the shutdown ends.
   * An event that finds the queue still full when the timeout runs out (a sink that fails, under
   * {@code block}) is not waited for: it is counted among the events that could not be written,
   * reported once. So a shutdown never waits longer than the close timeout (plus at most 1 s for
   * the writer to end), whatever the sink does.
   *
   * @return whether every event recorded before the call, and the {@code last} ones, was written
   */
  public boolean shutdown(List<AuditEvent> last) {
    if (!closed.compareAndSet(false, true)) {
      awaitWriter(closeTimeout.toNanos());
      return allWritten;
    }
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    boolean stopQueued = true;
    try {
      if (!last.isEmpty()) {
        writer.lastEventsBeginWith(last.get(0)); // drops counted until then are sealed before it
      }
      for (AuditEvent event : last) {
        if (!queue.offer(event, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          writer.lostAtClose();
        }
      }
      stopQueued = queue.offer(TrailWriter.STOP, Math.max(0, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQueued = false;
    }
    if (stopQueued) {
      awaitWriter(deadline - System.nanoTime());
    }
    if (thread.isAlive()) {
      writer.giveUp();
      thread.interrupt();
      awaitWriter(TimeUnit.SECONDS.toNanos(1));
    }
    allWritten = !thread.isAlive() && writer.unwritten() == 0;
    long late = arrivedAfterClose();
    if (late > 0) {
      writer.report(late + " audit events arrived after the audit trail was closed at shutdown and"
          + " were not written: calls made while the JVM was exiting, by threads still running or"
          + " by other shutdown hooks (their consent decisions still applied). Finish such work"
          + " before the JVM begins to exit to have it audited");
    }
    return allWritten;
  }

  /** {@link #shutdown}, for try-with-resources. */
  @Override
  public void close() {
    shutdown();
  }

  private void dropOne() {
    droppedTotal.incrementAndGet();
    writer.dropped();
  }

  private void awaitWriter(long nanos) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A subject's records and the decisions drawn from them, kept for at most the cache TTL. Writes in
 * this process drop the subject's entry, so they take effect at once; writes by other processes
 * are seen when the entry ages out.
 *
 * <p>A read that raced with a write must not cache what it read: a decision that loaded the
 * records just before another thread appended one would otherwise put the old records back after
 * the write dropped them, and keep deciding on them for the whole TTL. Each write bumps a counter
 * (one per stripe of subjects, so memory stays fixed); a load takes the counter before it reads the
 * store, and its entry is kept only if no write came in between.
 */
final class DecisionCache {
  /** Past this many subjects, stale entries are dropped, then everything if that is not enough. */
  private static final int MAX_SUBJECTS = 100_000;
  /** Write counters, one per stripe of subjects; a power of two. */
  private static final int STRIPES = 256;

  private final ConcurrentHashMap<String, SubjectEntry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final AtomicLongArray writes = new AtomicLongArray(STRIPES);

  DecisionCache(Duration ttl, LongSupplier nanoTime) {
    this.ttlNanos = nanosOf(ttl);
    this.nanoTime = nanoTime;
  }

  /**
   * The TTL in nanoseconds, a TTL too long for a {@code long} (about 292 years) taken as forever
   * rather than failing every decision with an overflow; a negative one as zero.
   */
  static long nanosOf(Duration ttl) {
    if (ttl.isNegative()) {
      return 0;
    }
    try {
      return ttl.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** The fresh entry for {@code subject}, or null when it must be loaded from the store. */
  SubjectEntry fresh(String subject) {
    if (ttlNanos <= 0) {
      return null;
    }
    SubjectEntry entry = entries.get(subject);
    if (entry == null || nanoTime.getAsLong() - entry.loadedAt >= ttlNanos) {
      return null;
    }
    return entry;
  }

  /** Taken before the store is read, and handed to {@link #put} with what was read. */
  long writeStamp(String subject) {
    return writes.get(stripe(subject));
  }

  /**
   * An entry for the records read; it is kept for the TTL only if no write to the subject (or its
   * stripe) came in since {@code stampBeforeRead}.
   */
  SubjectEntry put(String subject, List<ConsentRecord> records, long stampBeforeRead) {
    SubjectEntry entry = new SubjectEntry(nanoTime.getAsLong(), List.copyOf(records));
    int stripe = stripe(subject);
    if (ttlNanos > 0 && writes.get(stripe) == stampBeforeRead) {
      if (entries.size() >= MAX_SUBJECTS) {
        evictStale();
      }
      entries.put(subject, entry);
      // A write between the check and the put may have removed its subject's entry before this
      // one went in: then this one goes.
      if (writes.get(stripe) != stampBeforeRead) {
        entries.remove(subject, entry);
      }
    }
    return entry;
  }

  /** After a write: the subject's entry goes, and loads that began before it are not cached. */
  void invalidate(String subject) {
    writes.incrementAndGet(stripe(subject));
    entries.remove(subject);
  }

  private static int stripe(String subject) {
    int hash = subject.hashCode();
    return (hash ^ (hash >>> 16)) & (STRIPES - 1);
  }

  private void evictStale() {
    long now = nanoTime.getAsLong();
    entries.values().removeIf(entry -> now - entry.loadedAt >= ttlNanos);
    if (entries.size() >= MAX_SUBJECTS) {
      entries.clear();
    }
  }

  /** What is known about one subject at one time. */
  static final class SubjectEntry {
    final long loadedAt;
    final List<ConsentRecord> records;
    final ConcurrentHashMap<String, ConsentDecision> decisions = new ConcurrentHashMap<>();

    SubjectEntry(long loadedAt, List<ConsentRecord> records) {
      this.loadedAt = loadedAt;
      this.records = records;
    }
  }
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A subject's records and the decisions drawn from them, kept for at most the cache TTL. Writes in
 * this process drop the subject's entry, so they take effect at once; writes by other processes
 * are seen when the entry ages out.
 */
final class DecisionCache {
  /** Past this many subjects, stale entries are dropped, then everything if that is not enough. */
  private static final int MAX_SUBJECTS = 100_000;

  private final ConcurrentHashMap<String, SubjectEntry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoTime;

  DecisionCache(Duration ttl, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
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

  SubjectEntry put(String subject, List<ConsentRecord> records) {
    SubjectEntry entry = new SubjectEntry(nanoTime.getAsLong(), List.copyOf(records));
    if (ttlNanos > 0) {
      if (entries.size() >= MAX_SUBJECTS) {
        evictStale();
      }
      entries.put(subject, entry);
    }
    return entry;
  }

  void invalidate(String subject) {
    entries.remove(subject);
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

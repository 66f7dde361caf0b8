package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.api.spi.ConsentBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The consent ledger: records grants and withdrawals in a {@link ConsentStore} and decides whether
 * a subject has consented to a purpose, following the rule in the package documentation.
 *
 * <p>Decisions are cached per subject for the cache TTL. A grant or withdrawal made through this
 * ledger takes effect at once; one made by another process sharing the store takes effect within
 * the TTL.
 */
public final class ConsentLedger implements ConsentBackend, AutoCloseable {
  private final ConsentStore store;
  private final PurposeLineage lineage;
  private final Clock clock;
  private final DecisionCache cache;

  /**
   * @param store where the records are kept
   * @param lineage how purposes nest
   * @param cacheTtl how long decisions are reused; zero asks the store every time
   * @param clock the time for new records and for expiry
   */
  public ConsentLedger(ConsentStore store, PurposeLineage lineage, Duration cacheTtl, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.lineage = Objects.requireNonNull(lineage, "lineage");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = new DecisionCache(cacheTtl, System::nanoTime);
  }

  /** A ledger over {@code store} with dotted purpose nesting and the system clock. */
  public ConsentLedger(ConsentStore store, Duration cacheTtl) {
    this(store, PurposeLineage.dotted(), cacheTtl, Clock.systemUTC());
  }

  @Override
  public ConsentRecord grant(String subject, String purpose, String source) {
    return grant(subject, purpose, source, null);
  }

  /** Records a grant that lapses at {@code expires} (null: never). */
  public ConsentRecord grant(String subject, String purpose, String source, Instant expires) {
    return append(
        new ConsentRecord(
            subject, purpose, ConsentRecord.State.GRANTED, clock.instant(), source, expires));
  }

  @Override
  public ConsentRecord withdraw(String subject, String purpose, String source) {
    return append(
        new ConsentRecord(
            subject, purpose, ConsentRecord.State.WITHDRAWN, clock.instant(), source, null));
  }

  private ConsentRecord append(ConsentRecord record) {
    try {
      store.append(record);
    } finally {
      // Even a failed write may have reached the store; the next decision reads it again.
      cache.invalidate(record.subject());
    }
    return record;
  }

  @Override
  public boolean isGranted(String subject, String purpose) {
    return decide(subject, purpose).granted();
  }

  /**
   * The decision for one purpose.
   *
   * @throws ConsentStoreException when the store cannot be read
   */
  public ConsentDecision decide(String subject, String purpose) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(purpose, "purpose");
    DecisionCache.SubjectEntry entry = cache.fresh(subject);
    if (entry == null) {
      long stamp = cache.writeStamp(subject);
      entry = cache.put(subject, store.records(subject), stamp);
    }
    Instant now = clock.instant();
    ConsentDecision cached = entry.decisions.get(purpose);
    if (cached != null && cached.validAt(now)) {
      return cached;
    }
    ConsentDecision decision = LatestRecordRule.decide(entry.records, purpose, lineage, now);
    entry.decisions.put(purpose, decision);
    return decision;
  }

  /**
   * The decision for a set of purposes that must all be granted: the first denial, or a grant that
   * lasts until the earliest expiry among them.
   *
   * @throws ConsentStoreException when the store cannot be read
   */
  public ConsentDecision decideAll(String subject, List<String> purposes) {
    ConsentDecision result = null;
    for (String purpose : purposes) {
      ConsentDecision decision = decide(subject, purpose);
      if (!decision.granted()) {
        return decision;
      }
      if (result == null
          || (decision.expires() != null
              && (result.expires() == null || decision.expires().isBefore(result.expires())))) {
        result = decision;
      }
    }
    if (result == null) {
      throw new IllegalArgumentException("no purposes given");
    }
    return result;
  }

  @Override
  public List<ConsentRecord> history(String subject) {
    return List.copyOf(store.records(Objects.requireNonNull(subject, "subject")));
  }

  /**
   * Has the store read ahead of the first decision (see {@link ConsentStore#load}); failures are
   * left for the decisions to report.
   */
  public void load() {
    store.load();
  }

  /** The store's URI for messages, without credentials. */
  public String describeStore() {
    return store.describe();
  }

  @Override
  public void close() {
    store.close();
  }
}

package dev.piiwarden.benchmarks.consent;

import dev.piiwarden.core.consent.ConsentDecision;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cached consent check as the agent makes it on every call of a {@code @ConsentRequired}
 * method ({@code ConsentLedger.decideAll(subject, purposes)}, which {@code ConsentGate} calls
 * after resolving the subject), against the naive baseline: a hand-written {@code
 * ConcurrentHashMap<String, Boolean>} keyed by subject and purpose. Both answer for 1,024 subjects
 * in turn; the purpose asked is a child of the one granted, so the ledger follows the hierarchy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConsentCheckBenchmark {
  private static final int SUBJECTS = 1024;
  private static final String GRANTED = "marketing";
  private static final String ASKED = "marketing.communications.email";

  private final String[] subjects = new String[SUBJECTS];
  private final List<String> purposes = List.of(ASKED);
  private final ConcurrentHashMap<String, Boolean> map = new ConcurrentHashMap<>();
  private ConsentLedger ledger;
  private int next;

  @Setup(Level.Trial)
  public void grant() {
    // A TTL far beyond the run: every check after the first per subject is a cache hit, as in a
    // service that sees the same users again within cache-ttl.
    ledger = new ConsentLedger(ConsentStoreUri.open("memory:", warning -> {}), Duration.ofHours(1));
    for (int i = 0; i < SUBJECTS; i++) {
      subjects[i] = "user-" + i;
      ledger.grant(subjects[i], GRANTED, "benchmark");
      map.put(subjects[i] + '\u0000' + ASKED, Boolean.TRUE);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    ledger.close();
  }

  private String nextSubject() {
    int i = next;
    next = (i + 1) & (SUBJECTS - 1);
    return subjects[i];
  }

  /** What the agent asks per call. */
  @Benchmark
  public ConsentDecision ledgerCachedDecision() {
    return ledger.decideAll(nextSubject(), purposes);
  }

  /** The baseline: one map lookup of subject and purpose. */
  @Benchmark
  public boolean handWrittenMap() {
    return Boolean.TRUE.equals(map.get(nextSubject() + '\u0000' + ASKED));
  }
}

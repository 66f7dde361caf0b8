package dev.piiwarden.benchmarks.scaling;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cached consent check of {@code consent.ConsentCheckBenchmark} with 1, 2, 4 or 8 purposes per
 * call ({@code @ConsentRequired(purposes = {…})}, all of which must be granted): {@code
 * ConsentLedger.decideAll} against the same number of hand-written map look-ups. Each purpose asked
 * is a child of one of four granted ones; 1,024 subjects in turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConsentPurposesBenchmark {
  private static final int SUBJECTS = 1024;
  private static final List<String> GRANTED = List.of("marketing", "analytics", "personalize", "essential");
  private static final List<String> ASKED = List.of(
      "marketing.communications.email",
      "analytics.reporting.ad_performance",
      "personalize.content.profiling",
      "essential.service.notifications.email",
      "marketing.communications.sms",
      "analytics.reporting.system.performance",
      "personalize.system",
      "essential.service.payment_processing");

  @Param({"1", "2", "4", "8"})
  public int purposes;

  private final String[] subjects = new String[SUBJECTS];
  private final ConcurrentHashMap<String, Boolean> map = new ConcurrentHashMap<>();
  private List<String> asked;
  private ConsentLedger ledger;
  private int next;

  @Setup(Level.Trial)
  public void grant() {
    asked = ASKED.subList(0, purposes);
    ledger = new ConsentLedger(ConsentStoreUri.open("memory:", warning -> {}), Duration.ofHours(1));
    for (int i = 0; i < SUBJECTS; i++) {
      subjects[i] = "user-" + i;
      for (String purpose : GRANTED) {
        ledger.grant(subjects[i], purpose, "benchmark");
      }
      for (String purpose : ASKED) {
        map.put(subjects[i] + '\u0000' + purpose, Boolean.TRUE);
      }
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

  @Benchmark
  public ConsentDecision ledgerCachedDecision() {
    return ledger.decideAll(nextSubject(), asked);
  }

  @Benchmark
  public boolean handWrittenMap() {
    String subject = nextSubject();
    for (String purpose : asked) {
      if (!Boolean.TRUE.equals(map.get(subject + '\u0000' + purpose))) {
        return false;
      }
    }
    return true;
  }
}

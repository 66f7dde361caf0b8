package dev.piiwarden.benchmarks.agent;

import dev.piiwarden.api.Consents;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A granted call of a {@code @ConsentRequired} method. {@code BenchmarkReport} runs it twice: in a
 * fork started with {@code -javaagent:piiwarden-agent.jar} (inlined advice, subject resolution,
 * the agent's cached ledger decision) and in one without (the bare method).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnnotatedCallBenchmark {
  private static final int SUBJECTS = 1024;

  private final String[] subjects = new String[SUBJECTS];
  private final Newsletter newsletter = new Newsletter();
  private int next;

  @Setup
  public void grant() {
    for (int i = 0; i < SUBJECTS; i++) {
      subjects[i] = "user-" + i;
      // With the agent: its ledger. Without: core's memory: ledger, which nothing reads.
      Consents.grant(subjects[i], "marketing", "benchmark");
    }
  }

  @Benchmark
  public int annotatedCall() {
    int i = next;
    next = (i + 1) & (SUBJECTS - 1);
    return newsletter.send(subjects[i], "hello");
  }
}

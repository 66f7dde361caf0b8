package dev.piiwarden.benchmarks.comparison;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.piiwarden.benchmarks.logging.LogbackContexts;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The corpus logged for real: {@code logger.info(line)} for every line through an {@code
 * OutputStreamAppender} writing to a null stream, the layout {@code %msg%n} ({@code layout=msg}) or
 * {@code %replace(%msg){…}%n} with the user patterns ({@code layout=replace}). The report runs
 * {@code msg} in a fork with the agent (PII Warden's Logback hook redacts) and both without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogbackPipelineBenchmark {
  @Param({"msg", "replace"})
  public String layout;

  private String[] lines;
  private LoggerContext context;
  private Logger logger;

  @Setup
  public void configure() {
    lines = LabelledCorpus.standard().texts();
    context = LogbackContexts.nullStream(layout.equals("replace") ? LogbackReplaceLayout.replacePattern() + "%n" : "%msg%n");
    logger = context.getLogger("bench");
  }

  @TearDown
  public void stop() {
    context.stop();
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logCorpus() {
    for (String line : lines) {
      logger.info(line);
    }
  }
}

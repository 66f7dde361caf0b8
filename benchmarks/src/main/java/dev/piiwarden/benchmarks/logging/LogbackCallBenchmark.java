package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Logback INFO call through an {@code OutputStreamAppender} with a {@code PatternLayoutEncoder}
 * writing to a null stream: the event is formatted and encoded as for a file, without the disk.
 * {@code BenchmarkReport} runs it in a fork with {@code -javaagent:piiwarden-agent.jar} (the hook
 * in {@code Logger#callAppenders} redacts the event) and in one without.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogbackCallBenchmark {
  private LoggerContext context;
  private Logger logger;

  @Setup
  public void configure() {
    context = NullStreamLogback.started(LogMessages.PATTERN);
    logger = context.getLogger("bench");
  }

  @TearDown
  public void stop() {
    context.stop();
  }

  /** Nothing for redaction to find. */
  @Benchmark
  public void clean() {
    logger.info(LogMessages.FORMAT, LogMessages.ORDER, LogMessages.CLEAN_ARGUMENT);
  }

  /** An e-mail address in an argument. */
  @Benchmark
  public void personal() {
    logger.info(LogMessages.FORMAT, LogMessages.ORDER, LogMessages.PERSONAL_ARGUMENT);
  }
}

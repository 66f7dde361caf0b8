package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Logback INFO call through a {@code PatternLayoutEncoder} to a {@link #target}: an {@code
 * OutputStreamAppender} writing to a null stream (the event formatted and encoded as for a file,
 * without the disk: the worst case for the agent's share of a call), or a {@code FileAppender}
 * with Logback's defaults (immediate flush) writing to a temporary file, as services run.
 * {@code BenchmarkReport} runs it in a fork with {@code -javaagent:piiwarden-agent.jar} (the hook
 * in {@code Logger#callAppenders} redacts the event) and in one without.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogbackCallBenchmark {
  /** Where the events go: {@code null-stream} or {@code file}. */
  @Param({LogMessages.NULL_STREAM, LogMessages.FILE})
  public String target = LogMessages.NULL_STREAM;

  private LoggerContext context;
  private Logger logger;
  private Path file;

  @Setup
  public void configure() throws IOException {
    if (LogMessages.FILE.equals(target)) {
      file = Files.createTempFile("piiwarden-logback-call", ".log");
      context = LogbackContexts.file(LogMessages.PATTERN, file);
    } else {
      context = LogbackContexts.nullStream(LogMessages.PATTERN);
    }
    logger = context.getLogger("bench");
  }

  @TearDown
  public void stop() throws IOException {
    context.stop();
    if (file != null) {
      Files.delete(file);
    }
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

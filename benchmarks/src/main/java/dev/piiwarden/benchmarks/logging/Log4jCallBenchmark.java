package dev.piiwarden.benchmarks.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
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
 * One Log4j2 INFO call (synchronous logger) through a {@code PatternLayout} to a {@link #target}:
 * an {@code OutputStreamAppender} writing to a null stream (formatted and encoded as for a file,
 * without the disk: the worst case for the agent's share of a call), or a {@code File} appender
 * with Log4j2's defaults (buffered, immediate flush) writing to a temporary file, as services run.
 * {@code BenchmarkReport} runs it in a fork with {@code -javaagent:piiwarden-agent.jar} (the hook
 * in {@code LoggerConfig#callAppenders} redacts the event) and in one without.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Log4jCallBenchmark {
  /** Where the events go: {@code null-stream} or {@code file}. */
  @Param({LogMessages.NULL_STREAM, LogMessages.FILE})
  public String target = LogMessages.NULL_STREAM;

  private LoggerContext context;
  private Logger logger;
  private Path file;

  @Setup
  public void configure() throws IOException {
    context = new LoggerContext("bench");
    context.start();
    Configuration configuration = context.getConfiguration();
    PatternLayout layout =
        PatternLayout.newBuilder().withConfiguration(configuration).withPattern(LogMessages.PATTERN).build();
    Appender appender;
    if (LogMessages.FILE.equals(target)) {
      file = Files.createTempFile("piiwarden-log4j-call", ".log");
      appender = FileAppender.newBuilder()
          .setName("file")
          .setLayout(layout)
          .setConfiguration(configuration)
          .withFileName(file.toString())
          .build();
    } else {
      appender = OutputStreamAppender.newBuilder()
          .setName("null")
          .setLayout(layout)
          .setTarget(OutputStream.nullOutputStream())
          .build();
    }
    appender.start();
    configuration.addAppender(appender);
    LoggerConfig root = configuration.getRootLogger();
    for (String name : root.getAppenders().keySet()) {
      root.removeAppender(name);
    }
    root.addAppender(appender, Level.INFO, null);
    root.setLevel(Level.INFO);
    context.updateLoggers();
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

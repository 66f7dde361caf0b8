package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
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
    context = new LoggerContext();
    // as LoggerFactory's context has: without it every event's MDC look-up fails and is caught
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(LogMessages.PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("null");
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    context.start();
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

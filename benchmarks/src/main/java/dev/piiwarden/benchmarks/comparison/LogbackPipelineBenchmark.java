package dev.piiwarden.benchmarks.comparison;

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
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(layout.equals("replace") ? LogbackReplaceLayout.replacePattern() + "%n" : "%msg%n");
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

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logCorpus() {
    for (String line : lines) {
      logger.info(line);
    }
  }
}

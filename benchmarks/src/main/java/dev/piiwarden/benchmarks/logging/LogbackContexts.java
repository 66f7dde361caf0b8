package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Logback contexts whose root logs at INFO through one appender with a {@code
 * PatternLayoutEncoder}, so that every event is formatted and encoded: to a null stream (no disk),
 * or through a {@code FileAppender} with Logback's default file settings (append, immediate flush),
 * as a service logging to a file does. Stop a context when done.
 */
public final class LogbackContexts {
  private LogbackContexts() {}

  /** A started context writing to a null stream with {@code pattern}. */
  public static LoggerContext nullStream(String pattern) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setName("null");
    appender.setOutputStream(OutputStream.nullOutputStream());
    return started(pattern, appender);
  }

  /** A started context writing to {@code file} with {@code pattern}. */
  public static LoggerContext file(String pattern, Path file) {
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setName("file");
    appender.setFile(file.toString());
    return started(pattern, appender);
  }

  private static LoggerContext started(String pattern, OutputStreamAppender<ILoggingEvent> appender) {
    LoggerContext context = new LoggerContext();
    // as LoggerFactory's context has: without it every event's MDC look-up fails and is caught
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    context.start();
    return context;
  }
}

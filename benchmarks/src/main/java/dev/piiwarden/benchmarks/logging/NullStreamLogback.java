package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;

/**
 * A Logback context whose root logs at INFO through an {@code OutputStreamAppender} with a {@code
 * PatternLayoutEncoder} writing to a null stream: every event is formatted and encoded as for a
 * file, without the disk.
 */
public final class NullStreamLogback {
  private NullStreamLogback() {}

  /** A started context with that appender and {@code pattern}; stop it when done. */
  public static LoggerContext started(String pattern) {
    LoggerContext context = new LoggerContext();
    // as LoggerFactory's context has: without it every event's MDC look-up fails and is caught
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
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
    return context;
  }
}

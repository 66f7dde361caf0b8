package dev.piiwarden.benchmarks.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;

/**
 * A Logback context whose root logs at INFO through a {@code FileAppender} with a {@code
 * PatternLayoutEncoder} and Logback's default file settings (append, immediate flush): each event
 * is formatted, encoded and written to the file, as a service logging to a file does.
 */
public final class FileLogback {
  private FileLogback() {}

  /** A started context writing to {@code file} with {@code pattern}; stop it when done. */
  public static LoggerContext started(String pattern, Path file) {
    LoggerContext context = new LoggerContext();
    // as LoggerFactory's context has: without it every event's MDC look-up fails and is caught
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("file");
    appender.setEncoder(encoder);
    appender.setFile(file.toString());
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    context.start();
    return context;
  }
}

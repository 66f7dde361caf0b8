package dev.piiwarden.benchmarks.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
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
 * One java.util.logging INFO call with two parameters, as applications write one ({@code
 * logger.log(Level.INFO, "order {0} shipped to {1}", new Object[] {…})}), through a formatter that
 * writes what the other call benchmarks' pattern writes ({@code %level %logger %msg%n}, the message
 * formatted by {@code Formatter#formatMessage}) to a {@link #target}: a {@code StreamHandler} on a
 * null stream, or a {@code FileHandler} on a temporary file (which flushes every record). {@code
 * BenchmarkReport} runs it in a fork with {@code -javaagent:piiwarden-agent.jar} (the hook in
 * {@code Logger#log(LogRecord)} redacts the record) and in one without.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JulCallBenchmark {
  /** The JDK's placeholders for {@link LogMessages#FORMAT}. */
  static final String FORMAT = "order {0} shipped to {1}";

  /** Where the records go: {@code null-stream} or {@code file}. */
  @Param({LogMessages.NULL_STREAM, LogMessages.FILE})
  public String target = LogMessages.NULL_STREAM;

  /** Held here: the JDK's log manager keeps its loggers weakly. */
  private Logger logger;
  private Handler handler;
  private Path file;

  /** {@code %level %logger %msg%n}. */
  private static final class PatternFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      return record.getLevel().getName() + " " + record.getLoggerName() + " " + formatMessage(record) + "\n";
    }
  }

  @Setup
  public void configure() throws IOException {
    if (LogMessages.FILE.equals(target)) {
      file = Files.createTempFile("piiwarden-jul-call", ".log");
      handler = new FileHandler(file.toString(), false);
      handler.setFormatter(new PatternFormatter());
    } else {
      handler = new StreamHandler(OutputStream.nullOutputStream(), new PatternFormatter());
    }
    handler.setLevel(Level.INFO);
    logger = Logger.getLogger("bench");
    for (Handler old : logger.getHandlers()) {
      logger.removeHandler(old);
    }
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.INFO);
    logger.addHandler(handler);
  }

  @TearDown
  public void stop() throws IOException {
    logger.removeHandler(handler);
    handler.close();
    if (file != null) {
      Files.delete(file);
    }
  }

  /** Nothing for redaction to find. */
  @Benchmark
  public void clean() {
    logger.log(Level.INFO, FORMAT, new Object[] {LogMessages.ORDER, LogMessages.CLEAN_ARGUMENT});
  }

  /** An e-mail address in a parameter. */
  @Benchmark
  public void personal() {
    logger.log(Level.INFO, FORMAT, new Object[] {LogMessages.ORDER, LogMessages.PERSONAL_ARGUMENT});
  }
}

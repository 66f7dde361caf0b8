package dev.piiwarden.benchmarks.scaling;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.piiwarden.benchmarks.comparison.LogbackReplaceLayout;
import dev.piiwarden.core.redaction.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction of one line of 100 B to 100 KB ({@link LongLines}), clean or with personal data, by
 * PII Warden's {@code Redactor} and, as the comparator, Logback's {@code %replace} with the user
 * patterns of the comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LineLengthBenchmark {
  @Param({"100", "1000", "10000", "100000"})
  public int length;

  @Param({"clean", "personal"})
  public String content;

  private String line;
  private Redactor redactor;
  private LogbackReplaceLayout replacing;
  private ILoggingEvent event;

  @Setup
  public void line() {
    line = LongLines.of(length, content.equals("personal")).text();
    redactor = Redactor.withDefaults();
    replacing = LogbackReplaceLayout.replacing();
    event = replacing.event(line);
  }

  @Benchmark
  public String piiWardenRedactor() {
    return redactor.redact(line);
  }

  @Benchmark
  public String logbackReplace() {
    return replacing.layout(event);
  }
}

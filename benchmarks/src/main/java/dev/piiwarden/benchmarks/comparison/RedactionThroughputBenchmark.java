package dev.piiwarden.benchmarks.comparison;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.piiwarden.core.redaction.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each tool over the whole {@link LabelledCorpus} per invocation; the score is time per line. PII
 * Warden's {@code Redactor.redact}; Logback's {@code PatternLayout} with {@code %replace} and
 * logstash-logback-encoder's masking decorator writing the message's JSON, each beside its floor
 * (the same layout or JSON without masking), so that the report can take the masking's own share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedactionThroughputBenchmark {
  private String[] lines;
  private ILoggingEvent[] replaceEvents;
  private ILoggingEvent[] plainEvents;
  private Redactor redactor;
  private LogbackReplaceLayout replacing;
  private LogbackReplaceLayout plainLayout;
  private LogstashValueMasking masking;
  private LogstashValueMasking plainJson;

  @Setup
  public void corpus() {
    lines = LabelledCorpus.standard().texts();
    redactor = Redactor.withDefaults();
    replacing = LogbackReplaceLayout.replacing();
    plainLayout = LogbackReplaceLayout.plain();
    masking = LogstashValueMasking.masking();
    plainJson = LogstashValueMasking.plain();
    replaceEvents = new ILoggingEvent[lines.length];
    plainEvents = new ILoggingEvent[lines.length];
    for (int i = 0; i < lines.length; i++) {
      replaceEvents[i] = replacing.event(lines[i]);
      plainEvents[i] = plainLayout.event(lines[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void piiWardenRedactor(Blackhole sink) {
    for (String line : lines) {
      sink.consume(redactor.redact(line));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logbackReplace(Blackhole sink) {
    for (ILoggingEvent event : replaceEvents) {
      sink.consume(replacing.layout(event));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logbackLayoutFloor(Blackhole sink) {
    for (ILoggingEvent event : plainEvents) {
      sink.consume(plainLayout.layout(event));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logstashMasking(Blackhole sink) {
    for (String line : lines) {
      sink.consume(masking.write(line));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void logstashJsonFloor(Blackhole sink) {
    for (String line : lines) {
      sink.consume(plainJson.write(line));
    }
  }
}

package dev.piiwarden.benchmarks.comparison;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the comparators' time goes: one type's {@link UserRegexes} alone, {@code
 * Matcher.replaceAll} over the {@link LabelledCorpus} as the masking decorator applies it; the score
 * is time per line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UserPatternBenchmark {
  @Param({"credential", "card", "iban", "ssn", "email", "phone", "ip"})
  public String type;

  private String[] lines;
  private Pattern[] patterns;
  private String mask;

  @Setup
  public void compile() {
    lines = LabelledCorpus.standard().texts();
    List<String> regexes = UserRegexes.BY_TYPE.get(type);
    patterns = regexes.stream().map(Pattern::compile).toArray(Pattern[]::new);
    mask = UserRegexes.maskOf(type);
  }

  @Benchmark
  @OperationsPerInvocation(LabelledCorpus.SIZE)
  public void replaceAll(Blackhole sink) {
    for (String line : lines) {
      String out = line;
      for (Pattern pattern : patterns) {
        out = pattern.matcher(out).replaceAll(mask);
      }
      sink.consume(out);
    }
  }
}

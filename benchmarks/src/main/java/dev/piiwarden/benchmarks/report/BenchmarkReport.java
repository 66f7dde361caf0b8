package dev.piiwarden.benchmarks.report;

import dev.piiwarden.benchmarks.agent.AnnotatedCallBenchmark;
import dev.piiwarden.benchmarks.consent.ConsentCheckBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks, reads the start-up timings {@code startup.sh} wrote, and writes
 * {@code RESULTS.md}: each figure as median and spread with the ratio to its comparator.
 *
 * <pre>
 * java -jar benchmarks.jar --agent-jar agent/target/piiwarden-agent.jar --startup target/startup.txt
 *     --out benchmarks/RESULTS.md [--quick]
 * java -jar benchmarks.jar --redaction-only|--scaling-only --out benchmarks/RESULTS.md [--quick]
 * </pre>
 *
 * The last two replace their own section of the file and keep the rest.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws IOException, RunnerException, InterruptedException {
    boolean quick = false;
    Path agentJar = null;
    Path startup = null;
    Path out = Path.of("RESULTS.md");
    boolean logOnly = false;
    boolean redactionOnly = false;
    boolean scalingOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--agent-jar" -> agentJar = Path.of(args[++i]);
        case "--startup" -> startup = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--log-only" -> logOnly = true;
        case "--redaction-only" -> redactionOnly = true;
        case "--scaling-only" -> scalingOnly = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (redactionOnly || scalingOnly) {
      Settings own = quick ? Settings.QUICK : Settings.FULL;
      if (redactionOnly) {
        String agent = agentJar != null && Files.isRegularFile(agentJar)
            ? "-javaagent:" + agentJar.toAbsolutePath() + "=audit.sink=none" : null;
        ResultsSection.write(out, RedactionComparisonReport.HEADING,
            RedactionComparisonReport.run(own, quick, agent));
      }
      if (scalingOnly) {
        Path auditDir = out.toAbsolutePath().getParent().resolve("target").resolve("audit-scaling");
        ResultsSection.write(out, ScalingReport.HEADING, ScalingReport.run(own, quick, auditDir));
      }
      return;
    }
    if (agentJar == null || !Files.isRegularFile(agentJar)) {
      throw new IllegalArgumentException("--agent-jar must name the built piiwarden-agent.jar");
    }
    Settings settings = quick ? Settings.QUICK : Settings.FULL;
    String loadBefore = Machine.load();
    String agentArgument = "-javaagent:" + agentJar.toAbsolutePath() + "=audit.sink=none";
    if (logOnly) {
      String section = LogCallReport.run(settings, agentArgument, quick, loadBefore);
      String previous = Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
      Files.writeString(out, LogCallReport.replaceSection(previous, section), StandardCharsets.UTF_8);
      System.out.print(section);
      return;
    }

    Figure ledger = jmh(settings, ConsentCheckBenchmark.class, "ledgerCachedDecision", null);
    Figure map = jmh(settings, ConsentCheckBenchmark.class, "handWrittenMap", null);
    Figure plainCall = jmh(settings, AnnotatedCallBenchmark.class, "annotatedCall", null);
    Figure agentCall =
        jmh(settings, AnnotatedCallBenchmark.class, "annotatedCall", agentArgument);
    String logSection = LogCallReport.run(settings, agentArgument, quick, null);

    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Written by `benchmarks/run.sh").append(quick ? " --quick" : "").append("` on ")
        .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)).append(".\n\n");
    md.append("- Machine: ").append(Machine.describe()).append("\n");
    md.append("- Load average (1 / 5 / 15 min) before the JMH runs: ").append(loadBefore)
        .append("; after: ").append(Machine.load())
        .append(". Other builds share these cores: a load above the core count means the figures")
        .append(" carry that contention, which the spread shows.\n");
    md.append("- JMH ").append(settings.describe()).append("; one thread. A figure is the median of all")
        .append(" measured iterations (JMH) or runs (start-up), with the spread from the smallest to the")
        .append(" largest; the ratio is median over the comparator's median.\n\n");
    md.append("| what | median (spread, samples) | comparator | comparator median (spread, samples) | ratio | goal |\n");
    md.append("|---|---|---|---|---|---|\n");
    row(md, "consent check: the ledger's cached decision (`ConsentLedger.decideAll`, what the agent asks per call)",
        ledger, "hand-written `ConcurrentHashMap<String, Boolean>` lookup of subject + purpose", map, 2.0);
    row(md, "`@ConsentRequired` method, granted, called through the agent", agentCall,
        "the same method without the agent", plainCall, Double.NaN);
    if (startup != null && Files.isRegularFile(startup)) {
      List<Double> plain = new ArrayList<>();
      List<Double> agent = new ArrayList<>();
      for (String line : Files.readAllLines(startup)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2) {
          (parts[0].equals("agent") ? agent : plain).add(Double.parseDouble(parts[1]));
        }
      }
      row(md, "start-up of a small app (`SmallApp`, JVM start to exit) with the agent",
          Figure.of(agent, "ms"), "the same app without the agent", Figure.of(plain, "ms"), 1.15);
    }
    md.append("\nThe agent adds ")
        .append(Figure.format(agentCall.median() - plainCall.median()))
        .append(" ns to each granted call of a `@ConsentRequired` method (difference of the medians):")
        .append(" inlined advice, subject resolution and the cached ledger decision.\n");
    md.append('\n').append(logSection);
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }

  private static void row(
      StringBuilder md, String what, Figure figure, String comparatorName, Figure comparator, double goal) {
    String verdict;
    if (Double.isNaN(goal)) {
      verdict = "none (for the record)";
    } else {
      boolean met = figure.median() <= goal * comparator.median();
      verdict = (goal == 2.0 ? "≤ 2x" : "≤ 1.15x (15% over)") + (met ? ": met" : ": NOT met");
    }
    md.append("| ").append(what).append(" | ").append(figure.describe()).append(" | ").append(comparatorName)
        .append(" | ").append(comparator.describe()).append(" | ").append(figure.ratioTo(comparator))
        .append(" | ").append(verdict).append(" |\n");
  }

  private static Figure jmh(Settings settings, Class<?> benchmark, String method, String agent)
      throws RunnerException {
    return jmhRun(settings, benchmark, method, agent, false)[0];
  }

  /**
   * Runs one benchmark method; with {@code gc}, under JMH's GC profiler, returning the time and the
   * bytes allocated per operation ({@code gc.alloc.rate.norm}) as two figures.
   */
  static Figure[] jmhRun(Settings settings, Class<?> benchmark, String method, String agent, boolean gc)
      throws RunnerException {
    return jmhRun(settings, benchmark, method, agent, gc, Map.of());
  }

  /** {@link #jmhRun} with each {@code @Param} of {@code params} set to one value. */
  static Figure[] jmhRun(Settings settings, Class<?> benchmark, String method, String agent, boolean gc,
      Map<String, String> params) throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(Pattern.quote(benchmark.getName() + "." + method) + "$")
            .forks(settings.forks)
            .warmupIterations(settings.warmups)
            .warmupTime(TimeValue.seconds(settings.seconds))
            .measurementIterations(settings.iterations)
            .measurementTime(TimeValue.seconds(settings.seconds))
            .threads(1);
    if (agent != null) {
      options.jvmArgsAppend(agent);
    }
    params.forEach(options::param);
    if (gc) {
      options.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    List<Double> scores = new ArrayList<>();
    List<Double> allocated = new ArrayList<>();
    String unit = "ns/op";
    for (RunResult result : results) {
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          scores.add(iteration.getPrimaryResult().getScore());
          unit = iteration.getPrimaryResult().getScoreUnit();
          iteration.getSecondaryResults().forEach((label, secondary) -> {
            if (label.endsWith("gc.alloc.rate.norm")) {
              allocated.add(secondary.getScore());
            }
          });
        }
      }
    }
    Figure time = Figure.of(scores, unit);
    return gc ? new Figure[] {time, Figure.of(allocated, "B/op")} : new Figure[] {time};
  }

  /** How long JMH measures. */
  enum Settings {
    QUICK(1, 2, 3, 1),
    FULL(2, 3, 5, 2);

    final int forks;
    final int warmups;
    final int iterations;
    final int seconds;

    Settings(int forks, int warmups, int iterations, int seconds) {
      this.forks = forks;
      this.warmups = warmups;
      this.iterations = iterations;
      this.seconds = seconds;
    }

    String describe() {
      return "1.37: " + forks + " fork(s) per benchmark, " + warmups + " warm-up and " + iterations
          + " measured iterations of " + seconds + " s each";
    }
  }
}

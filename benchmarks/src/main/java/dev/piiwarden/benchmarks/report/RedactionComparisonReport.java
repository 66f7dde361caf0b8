package dev.piiwarden.benchmarks.report;

import dev.piiwarden.benchmarks.comparison.LabelledCorpus;
import dev.piiwarden.benchmarks.comparison.LogbackPipelineBenchmark;
import dev.piiwarden.benchmarks.comparison.LogbackReplaceLayout;
import dev.piiwarden.benchmarks.comparison.LogstashValueMasking;
import dev.piiwarden.benchmarks.comparison.RedactionQuality;
import dev.piiwarden.benchmarks.comparison.RedactionThroughputBenchmark;
import dev.piiwarden.benchmarks.comparison.UserPatternBenchmark;
import dev.piiwarden.benchmarks.comparison.UserRegexes;
import dev.piiwarden.core.redaction.Redactor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.RunnerException;

/**
 * PII Warden's redactor against Logback's {@code %replace} and logstash-logback-encoder's masking
 * decorator on the same labelled corpus: throughput (JMH) and quality (recall, false positives),
 * written as the "Redaction against other tools" section of {@code RESULTS.md}.
 */
final class RedactionComparisonReport {
  static final String HEADING = "## Redaction against other tools";

  /** The throughput goal: PII Warden at least this many times each comparator's. */
  private static final double GOAL = 5.0;

  private RedactionComparisonReport() {}

  /** Runs the comparison; with {@code agent} (a {@code -javaagent:} argument) the logged pipeline too. */
  static String run(BenchmarkReport.Settings settings, boolean quick, String agent) throws RunnerException {
    String loadBefore = Machine.load();
    LabelledCorpus corpus = LabelledCorpus.standard();
    LogbackReplaceLayout replacing = LogbackReplaceLayout.replacing();
    checkLogbackParsedThePattern(corpus, replacing);
    LogstashValueMasking masking = LogstashValueMasking.masking();
    RedactionQuality.Figures ours = RedactionQuality.measure(corpus, Redactor.withDefaults()::redact, true);
    RedactionQuality.Figures logstash = RedactionQuality.measure(corpus, masking::apply, true);
    RedactionQuality.Figures replace = RedactionQuality.measure(corpus, replacing::apply, false);

    Class<?> bench = RedactionThroughputBenchmark.class;
    Figure piiWarden = BenchmarkReport.jmhRun(settings, bench, "piiWardenRedactor", null, false)[0];
    Figure logback = BenchmarkReport.jmhRun(settings, bench, "logbackReplace", null, false)[0];
    Figure logbackFloor = BenchmarkReport.jmhRun(settings, bench, "logbackLayoutFloor", null, false)[0];
    Figure lle = BenchmarkReport.jmhRun(settings, bench, "logstashMasking", null, false)[0];
    Figure lleFloor = BenchmarkReport.jmhRun(settings, bench, "logstashJsonFloor", null, false)[0];
    double bytesPerLine = (double) corpus.bytes() / LabelledCorpus.SIZE;

    StringBuilder md = new StringBuilder();
    md.append(HEADING).append("\n\n");
    md.append("Written by `benchmarks/run.sh --redaction-only").append(quick ? " --quick" : "").append("` on ")
        .append(ResultsSection.today()).append(".\n\n");
    md.append("- Machine: ").append(Machine.describe()).append("\n");
    md.append("- Load average (1 / 5 / 15 min) before: ").append(loadBefore).append("; after: ")
        .append(Machine.load()).append(". Other builds share these cores; read the spread before the median.\n");
    md.append("- JMH ").append(settings.describe()).append("; one thread. One operation is one line; each")
        .append(" invocation runs the whole corpus in order.\n");
    md.append(String.format(Locale.ROOT, "- Corpus: core's `CorpusGenerator` (seed %d, that of core's own"
            + " quality test, drawn in another order), %,d lines: %,d per type for the 7 types and %,d hard negatives, shuffled;"
            + " %.1f bytes per line on average (UTF-8).%n%n",
        LabelledCorpus.SEED, LabelledCorpus.SIZE, LabelledCorpus.POSITIVES_PER_TYPE, LabelledCorpus.NEGATIVES,
        bytesPerLine));

    md.append("### Throughput\n\n");
    md.append("Time per line, median of the measured iterations (spread smallest to largest); lines and MB per")
        .append(" second from the median. The comparators run inside their framework (a Logback")
        .append(" `PatternLayout`; a decorated Jackson generator writing the message's JSON), so each is")
        .append(" measured beside its floor, the same path without masking; \"masking alone\" is the")
        .append(" difference of the medians, and the goal is judged on it, the comparison least favourable")
        .append(" to PII Warden.\n\n");
    md.append("| tool | time per line | lines/s | MB/s | PII Warden's throughput over this |\n");
    md.append("|---|---|---|---|---|\n");
    throughputRow(md, "PII Warden `Redactor.redact`", piiWarden, bytesPerLine, null);
    throughputRow(md, "Logback 1.5 `PatternLayout` `%replace(%msg){…}` (gross)", logback, bytesPerLine, piiWarden);
    throughputRow(md, "Logback `PatternLayout` `%msg` (floor)", logbackFloor, bytesPerLine, null);
    double logbackNet = logback.median() - logbackFloor.median();
    netRow(md, "Logback `%replace`, masking alone", logbackNet, bytesPerLine, piiWarden);
    throughputRow(md, "logstash-logback-encoder 8.0 `MaskingJsonGeneratorDecorator`, value masks (gross)", lle,
        bytesPerLine, piiWarden);
    throughputRow(md, "Jackson generator writing the same JSON (floor)", lleFloor, bytesPerLine, null);
    double lleNet = lle.median() - lleFloor.median();
    netRow(md, "logstash-logback-encoder value masks, masking alone", lleNet, bytesPerLine, piiWarden);
    boolean speedMet = logbackNet >= GOAL * piiWarden.median() && lleNet >= GOAL * piiWarden.median();
    md.append(String.format(Locale.ROOT, "%nGoal: at least %.0fx both comparators' throughput (masking alone):"
            + " **%s** (%.2fx Logback `%%replace`, %.2fx logstash-logback-encoder; gross: %.2fx and %.2fx).%n%n",
        GOAL, speedMet ? "met" : "NOT met", logbackNet / piiWarden.median(), lleNet / piiWarden.median(),
        logback.median() / piiWarden.median(), lle.median() / piiWarden.median()));

    md.append("Where the comparators' time goes: each type's patterns alone (`UserPatternBenchmark`,")
        .append(" `Matcher.replaceAll` over the corpus as the decorator applies them):\n\n");
    md.append("| patterns of | time per line | share of the sum |\n|---|---|---|\n");
    Map<String, Figure> byPattern = new LinkedHashMap<>();
    double sum = 0;
    for (String type : UserRegexes.BY_TYPE.keySet()) {
      Figure figure = BenchmarkReport.jmhRun(settings, UserPatternBenchmark.class, "replaceAll", null, false,
          Map.of("type", type))[0];
      byPattern.put(type, figure);
      sum += figure.median();
    }
    for (Map.Entry<String, Figure> entry : byPattern.entrySet()) {
      md.append("| ").append(entry.getKey()).append(" | ").append(entry.getValue().describe()).append(" | ")
          .append(String.format(Locale.ROOT, "%.0f%%", 100 * entry.getValue().median() / sum)).append(" |\n");
    }
    md.append('\n');

    if (agent != null) {
      pipeline(md, settings, agent, bytesPerLine);
    }

    md.append("### Quality\n\n");
    md.append("Recall: lines of the type whose value the tool removed, with no piece of it of half its length")
        .append(" (4 characters at least) left readable. False positives: hard-negative lines the tool")
        .append(" changed at all; per type where the tool's mask names the type (a single `%replace` has one")
        .append(" mask, so only its overall figure).\n\n");
    md.append("| type | PII Warden recall | PII Warden false positives | logstash-logback-encoder recall |")
        .append(" logstash-logback-encoder false positives | Logback `%replace` recall | Logback `%replace` false positives |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (String type : ours.byType().keySet()) {
      md.append("| ").append(type);
      for (RedactionQuality.Figures tool : new RedactionQuality.Figures[] {ours, logstash, replace}) {
        RedactionQuality.TypeFigures figures = tool.byType().get(type);
        md.append(" | ").append(percent(figures.found(), figures.total())).append(" | ")
            .append(figures.falsePositives() < 0 ? "n/a (one mask)" : percent(figures.falsePositives(), tool.negatives()));
      }
      md.append(" |\n");
    }
    md.append("| **all** ");
    for (RedactionQuality.Figures tool : new RedactionQuality.Figures[] {ours, logstash, replace}) {
      md.append("| **").append(percent(tool.found(), tool.personal())).append("** | **")
          .append(percent(tool.falsePositives(), tool.negatives())).append("** ");
    }
    md.append("|\n\n");
    md.append("Goal: higher recall and fewer false positives than each comparator: ")
        .append(qualityVerdict("logstash-logback-encoder", ours, logstash)).append("; ")
        .append(qualityVerdict("Logback `%replace`", ours, replace)).append(".\n\n");
    md.append("The patterns the comparators were given, and what the figures mean, are in `README.md`")
        .append(" (\"Redaction against other tools\").\n");
    return md.toString();
  }

  /** The corpus logged through Logback end to end: the agent's hook against {@code %replace}. */
  private static void pipeline(StringBuilder md, BenchmarkReport.Settings settings, String agent,
      double bytesPerLine) throws RunnerException {
    Class<?> bench = LogbackPipelineBenchmark.class;
    Figure hooked = BenchmarkReport.jmhRun(settings, bench, "logCorpus", agent, false, Map.of("layout", "msg"))[0];
    Figure replaced = BenchmarkReport.jmhRun(settings, bench, "logCorpus", null, false, Map.of("layout", "replace"))[0];
    Figure plain = BenchmarkReport.jmhRun(settings, bench, "logCorpus", null, false, Map.of("layout", "msg"))[0];
    md.append("Logged for real (`LogbackPipelineBenchmark`): `logger.info(line)` for every corpus line through")
        .append(" an `OutputStreamAppender` writing to a null stream. PII Warden: layout `%msg%n` in a fork with")
        .append(" `-javaagent:piiwarden-agent.jar=audit.sink=none`, whose Logback hook redacts each event;")
        .append(" Logback: `%replace(%msg){…}%n` with the one alternation, no agent; floor: `%msg%n`, no agent.\n\n");
    md.append("| pipeline | time per line | lines/s | MB/s | PII Warden's throughput over this |\n");
    md.append("|---|---|---|---|---|\n");
    throughputRow(md, "PII Warden agent, Logback hook", hooked, bytesPerLine, null);
    throughputRow(md, "Logback `%replace`, no agent", replaced, bytesPerLine, hooked);
    throughputRow(md, "Logback `%msg`, no agent (floor)", plain, bytesPerLine, null);
    double ours = hooked.median() - plain.median();
    double theirs = replaced.median() - plain.median();
    md.append(String.format(Locale.ROOT, "%nOver the floor: the hook adds %s ns per line, `%%replace` %s ns:"
            + " %.2fx (goal %.0fx: %s).%n%n", Figure.format(ours), Figure.format(theirs), theirs / ours, GOAL,
        theirs >= GOAL * ours ? "met" : "NOT met"));
  }

  /**
   * The layout must do what the alternation does in Java: Logback reads the pattern from its own
   * option syntax, and a backslash or brace it took differently would measure another regex.
   */
  private static void checkLogbackParsedThePattern(LabelledCorpus corpus, LogbackReplaceLayout layout) {
    Pattern pattern = Pattern.compile(UserRegexes.alternation());
    for (LabelledCorpus.Line line : corpus.lines()) {
      String expected = pattern.matcher(line.text()).replaceAll(UserRegexes.ALTERNATION_MASK);
      if (!expected.equals(layout.apply(line.text()))) {
        throw new IllegalStateException("Logback's %replace did not apply the alternation as Java does on a"
            + " corpus line; check the quoting of the pattern in LogbackReplaceLayout");
      }
    }
  }

  private static void throughputRow(StringBuilder md, String tool, Figure time, double bytesPerLine, Figure ours) {
    md.append("| ").append(tool).append(" | ").append(time.describe()).append(" | ")
        .append(String.format(Locale.ROOT, "%,.0f", 1e9 / time.median())).append(" | ")
        .append(Figure.format(bytesPerLine * 1e3 / time.median())).append(" | ")
        .append(ours == null ? "" : String.format(Locale.ROOT, "%.2fx", time.median() / ours.median()))
        .append(" |\n");
  }

  private static void netRow(StringBuilder md, String tool, double nanos, double bytesPerLine, Figure ours) {
    md.append("| ").append(tool).append(" | ").append(Figure.format(nanos)).append(" ns/op (difference of medians) | ")
        .append(String.format(Locale.ROOT, "%,.0f", 1e9 / nanos)).append(" | ")
        .append(Figure.format(bytesPerLine * 1e3 / nanos)).append(" | ")
        .append(String.format(Locale.ROOT, "**%.2fx**", nanos / ours.median())).append(" |\n");
  }

  private static String percent(int count, int total) {
    return String.format(Locale.ROOT, "%.2f%% (%,d/%,d)", 100.0 * count / total, count, total);
  }

  private static String qualityVerdict(String name, RedactionQuality.Figures ours, RedactionQuality.Figures other) {
    double ourRecall = (double) ours.found() / ours.personal();
    double theirRecall = (double) other.found() / other.personal();
    boolean recall = ourRecall > theirRecall;
    boolean falsePositives = ours.falsePositives() < other.falsePositives();
    return "against " + name + " recall " + (recall ? "met" : "NOT met") + ", false positives "
        + (falsePositives ? "met" : "NOT met");
  }
}

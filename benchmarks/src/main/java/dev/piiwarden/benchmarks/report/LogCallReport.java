package dev.piiwarden.benchmarks.report;

import dev.piiwarden.benchmarks.logging.JulCallBenchmark;
import dev.piiwarden.benchmarks.logging.Log4jCallBenchmark;
import dev.piiwarden.benchmarks.logging.LogbackCallBenchmark;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The log call benchmarks: a clean and a personal call on Logback, Log4j2 and java.util.logging, to a null stream and
 * to a file, each in a fork without and with the agent, under JMH's GC profiler; written as the
 * "Log calls" section of {@code RESULTS.md}.
 */
final class LogCallReport {
  static final String HEADING = "## Log calls";

  /** Allocation within this of the comparator's counts as "nothing extra" (the profiler's noise). */
  private static final double ALLOCATION_TOLERANCE = 1.0;

  private LogCallReport() {}

  /** The appender targets, with how the rows name them. */
  private static final String[][] TARGETS = {{"null-stream", "null stream"}, {"file", "file"}};

  /** Runs the twenty-four set-ups and returns the section; {@code load} set when it stands alone. */
  static String run(BenchmarkReport.Settings settings, String agent, boolean quick, String load)
      throws RunnerException {
    StringBuilder md = new StringBuilder();
    md.append(HEADING).append("\n\n");
    if (load != null) {
      md.append("Written by `benchmarks/run.sh --log-only").append(quick ? " --quick" : "").append("` on ")
          .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)).append(".\n\n");
      md.append("- Machine: ").append(Machine.describe()).append("\n");
      md.append("- Load average (1 / 5 / 15 min) before: ").append(load).append("; after: ");
    }
    String[][] frameworks = {{"Logback 1.5", "logback"}, {"Log4j2 2.24", "log4j"}, {"java.util.logging", "jul"}};
    StringBuilder rows = new StringBuilder();
    for (String[] target : TARGETS) {
      for (String[] framework : frameworks) {
        Class<?> type = framework[1].equals("logback") ? LogbackCallBenchmark.class
            : framework[1].equals("log4j") ? Log4jCallBenchmark.class : JulCallBenchmark.class;
        Map<String, String> params = Map.of("target", target[0]);
        Figure[] clean = BenchmarkReport.jmhRun(settings, type, "clean", null, true, params);
        Figure[] cleanAgent = BenchmarkReport.jmhRun(settings, type, "clean", agent, true, params);
        Figure[] personal = BenchmarkReport.jmhRun(settings, type, "personal", null, true, params);
        Figure[] personalAgent = BenchmarkReport.jmhRun(settings, type, "personal", agent, true, params);
        String name = framework[0] + " to a " + target[1];
        boolean timeMet = cleanAgent[0].median() <= 1.10 * clean[0].median();
        boolean allocationMet = cleanAgent[1].median() <= clean[1].median() + ALLOCATION_TOLERANCE;
        row(rows, name + ", clean call, with the agent", cleanAgent, "clean call without the agent", clean,
            "≤ 1.10x, no extra allocation: " + (timeMet ? "time met" : "time NOT met") + ", "
                + (allocationMet ? "allocation met" : "allocation NOT met (+"
                    + Figure.format(cleanAgent[1].median() - clean[1].median()) + " B/op)"));
        boolean personalMet = personalAgent[0].median() <= 2.0 * cleanAgent[0].median();
        row(rows, name + ", call with an e-mail address, with the agent", personalAgent,
            "clean call with the agent", cleanAgent, "≤ 2x: " + (personalMet ? "met" : "NOT met"));
        row(rows, name + ", call with an e-mail address, with the agent", personalAgent,
            "the same call without the agent", personal, "none (for the record)");
        row(rows, name + ", call with an e-mail address, without the agent", personal,
            "clean call without the agent", clean, "none (for the record)");
      }
    }
    if (load != null) {
      md.append(Machine.load()).append(". Other builds share these cores; read the spread before the median.\n");
      md.append("- JMH ").append(settings.describe()).append("; one thread; `-prof gc`.\n\n");
    }
    md.append("Each call: `logger.info(\"order {} shipped to {}\", \"A-10428\", arg)` with `arg` a warehouse name")
        .append(" (clean) or an example.com e-mail address (personal), with a pattern layout (`%level %logger")
        .append(" %msg%n`), either through an `OutputStreamAppender` writing to a null stream (every event")
        .append(" formatted and encoded as for a file, without the disk: the worst case for the agent's share of")
        .append(" a call) or through the framework's file appender with its defaults (immediate flush) writing")
        .append(" to a temporary file, as services run; Log4j2's logger synchronous. java.util.logging: `logger.log(Level.INFO,")
        .append(" \"order {0} shipped to {1}\", new Object[] {…})` through a formatter writing the same pattern")
        .append(" (`Formatter.formatMessage`), to a `StreamHandler` on a null stream or a `FileHandler` (which flushes")
        .append(" every record). With the agent: a JMH fork started with")
        .append(" `-javaagent:piiwarden-agent.jar=audit.sink=none`. Time is the median of the measured")
        .append(" iterations (spread smallest to largest); allocation is JMH's `gc.alloc.rate.norm`, bytes per")
        .append(" call, median (spread). Goals: a clean call with the agent at most 10% over one")
        .append(" without and no extra allocation (within ").append(Figure.format(ALLOCATION_TOLERANCE))
        .append(" B/op); a call with personal data at most 2x a clean one, both with the agent.\n\n");
    md.append("| what | time | allocated | comparator | comparator time | comparator allocated | ratio | goal |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    md.append(rows);
    return md.toString();
  }

  private static void row(
      StringBuilder md, String what, Figure[] figure, String comparatorName, Figure[] comparator, String goal) {
    md.append("| ").append(what).append(" | ").append(figure[0].describe()).append(" | ")
        .append(allocation(figure[1])).append(" | ").append(comparatorName).append(" | ")
        .append(comparator[0].describe()).append(" | ").append(allocation(comparator[1])).append(" | ")
        .append(figure[0].ratioTo(comparator[0])).append(" | ").append(goal).append(" |\n");
  }

  private static String allocation(Figure bytes) {
    return String.format(Locale.ROOT, "%.0f B/op (%.0f–%.0f)", bytes.median(), bytes.min(), bytes.max());
  }

  /**
   * {@code previous} with the generated part of its log call section (from its heading to its first
   * {@code ###} subsection) replaced by {@code section}, which has no subsections; the subsections
   * after it, written by hand (measurements by other means, analysis), are kept. Appended when
   * there is no such section.
   */
  static String replaceSection(String previous, String section) {
    // where the heading's line starts (a heading that only begins like it is another)
    int start = ("\n" + previous).indexOf("\n" + HEADING + "\n");
    if (start < 0) {
      return previous.isEmpty() ? section : previous.stripTrailing() + "\n\n" + section;
    }
    int next = previous.indexOf("\n## ", start + HEADING.length());
    int subsection = previous.indexOf("\n### ", start + HEADING.length());
    int end = subsection >= 0 && (next < 0 || subsection < next) ? subsection : next;
    String rest = end < 0 ? "" : previous.substring(end + 1);
    return previous.substring(0, start) + section + (rest.isEmpty() ? "" : "\n" + rest);
  }
}

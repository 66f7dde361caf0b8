package dev.piiwarden.benchmarks.comparison;

import dev.piiwarden.core.redaction.Redactor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The redactor's filter pass ({@code Redactor.shapes}, what every log call with the agent runs on
 * its formatted message first) over the {@link LabelledCorpus}, timed by the calling thread's CPU
 * time: 60 rounds over the corpus in order, its lines of every type mixed as a log would have
 * them, over its hard negatives alone, and over six everyday log lines with few digits. Prints, for the last 30 rounds, the CPU nanoseconds per
 * line (smallest and median) of each, and the mean length of a line.
 *
 * <pre>
 * java -cp benchmarks.jar dev.piiwarden.benchmarks.comparison.FilterPassCpuTime
 * </pre>
 */
public final class FilterPassCpuTime {
  private static final int ROUNDS = 60;
  private static final int MEASURED = 30;

  /** Everyday messages, clean but for one address, each timed in turn. */
  private static final String[] LOG_LINES = {
    "order shipped to the warehouse in the north of it",
    "order A-10428 shipped to warehouse north-2",
    "order A-10428 shipped to jane.doe@example.com",
    "GET /api/v1/users?page=2 took 35 ms",
    "Started Application in 3.214 seconds (process running for 3.9)",
    "2026-11-23 01:25:56.123 took 35 ms for 1234567 at id=42",
  };

  private FilterPassCpuTime() {}

  public static void main(String[] args) {
    LabelledCorpus corpus = LabelledCorpus.standard();
    String[] all = corpus.texts();
    String[] negatives =
        corpus.lines().stream().filter(line -> line.type() == null).map(LabelledCorpus.Line::text)
            .toArray(String[]::new);
    Redactor redactor = Redactor.withDefaults();
    System.out.println(report("all lines", redactor, all));
    System.out.println(report("hard negatives", redactor, negatives));
    for (String line : LOG_LINES) {
      String[] repeated = new String[10_000];
      Arrays.fill(repeated, line);
      System.out.println(report('"' + line + '"', redactor, repeated));
    }
  }

  private static String report(String what, Redactor redactor, String[] lines) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] perLine = new double[MEASURED];
    int shapes = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long before = threads.getCurrentThreadCpuTime();
      for (String line : lines) {
        shapes |= redactor.shapes(line);
      }
      if (round >= ROUNDS - MEASURED) {
        perLine[round - (ROUNDS - MEASURED)] = (threads.getCurrentThreadCpuTime() - before) / (double) lines.length;
      }
    }
    Arrays.sort(perLine);
    long characters = 0;
    for (String line : lines) {
      characters += line.length();
    }
    return String.format("%s (%d, %.1f characters each; shapes seen %x): CPU %.1f ns/line smallest, %.1f median (%.1f-%.1f)",
        what, lines.length, characters / (double) lines.length, shapes, perLine[0],
        (perLine[MEASURED / 2 - 1] + perLine[MEASURED / 2]) / 2, perLine[0], perLine[MEASURED - 1]);
  }
}

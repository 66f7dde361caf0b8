package dev.piiwarden.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One measured figure: the median of its samples and their spread (min to max).
 *
 * @param median the median sample
 * @param min the smallest sample
 * @param max the largest sample
 * @param samples how many samples there were
 * @param unit e.g. {@code ns/op} or {@code ms}
 */
record Figure(double median, double min, double max, int samples, String unit) {

  static Figure of(List<Double> values, String unit) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Figure(median, sorted.get(0), sorted.get(n - 1), n, unit);
  }

  /** {@code 12.3 ns/op (11.9–13.0, n=10)}. */
  String describe() {
    return format(median) + " " + unit + " (" + format(min) + "–" + format(max) + ", n=" + samples + ")";
  }

  /** This figure's median over the comparator's, e.g. {@code 1.42x}. */
  String ratioTo(Figure comparator) {
    return String.format(Locale.ROOT, "%.2fx", median / comparator.median);
  }

  static String format(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}

package dev.piiwarden.benchmarks.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Recall and false positives of one tool on the {@link LabelledCorpus}.
 *
 * <p>A line with a personal value counts as found when the tool changed it and no part of the
 * value of half its length or more (at least 4 characters) is left in the output that was not
 * already elsewhere in the line: a mask over part of a card number that leaves the other half
 * readable is a leak. A hard negative counts as a false positive when the tool changed it at all;
 * per type when the tool's mask names the type ({@code [REDACTED:card]}), which a single {@code
 * %replace} cannot do.
 */
public final class RedactionQuality {
  /** Found and total lines of one type; false positives on the negatives, -1 when not attributable. */
  public record TypeFigures(int found, int total, int falsePositives) {}

  /**
   * @param byType per type key, in corpus type order
   * @param found personal lines found, all types
   * @param personal personal lines, all types
   * @param falsePositives negative lines changed
   * @param negatives negative lines
   */
  public record Figures(
      Map<String, TypeFigures> byType, int found, int personal, int falsePositives, int negatives) {}

  private RedactionQuality() {}

  /** Runs {@code tool} over every line; {@code typedMasks} when its masks name the type. */
  public static Figures measure(LabelledCorpus corpus, UnaryOperator<String> tool, boolean typedMasks) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    int found = 0;
    int personal = 0;
    int changedNegatives = 0;
    int negatives = 0;
    List<String> negativeOutputs = new ArrayList<>();
    for (LabelledCorpus.Line line : corpus.lines()) {
      String out = tool.apply(line.text());
      if (line.personal()) {
        int[] c = counts.computeIfAbsent(line.type(), t -> new int[2]);
        c[1]++;
        personal++;
        if (!out.equals(line.text()) && !leaks(line.text(), line.value(), out)) {
          c[0]++;
          found++;
        }
      } else {
        negatives++;
        if (!out.equals(line.text())) {
          changedNegatives++;
          negativeOutputs.add(out);
        }
      }
    }
    Map<String, TypeFigures> byType = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> type : counts.entrySet()) {
      int falsePositives = -1;
      if (typedMasks) {
        String mask = "[REDACTED:" + type.getKey() + "]";
        falsePositives = (int) negativeOutputs.stream().filter(out -> out.contains(mask)).count();
      }
      byType.put(type.getKey(), new TypeFigures(type.getValue()[0], type.getValue()[1], falsePositives));
    }
    return new Figures(byType, found, personal, changedNegatives, negatives);
  }

  /** Whether {@code out} still shows {@code value}, whole or a long enough piece of it. */
  static boolean leaks(String line, String value, String out) {
    if (out.contains(value)) {
      return true;
    }
    int piece = Math.max(4, (value.length() + 1) / 2);
    String around = line.replace(value, "\u0000");
    for (int start = 0; start + piece <= value.length(); start++) {
      String part = value.substring(start, start + piece);
      if (out.contains(part) && !around.contains(part)) {
        return true;
      }
    }
    return false;
  }
}

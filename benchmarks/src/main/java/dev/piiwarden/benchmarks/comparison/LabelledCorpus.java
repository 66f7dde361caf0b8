package dev.piiwarden.benchmarks.comparison;

import dev.piiwarden.core.redaction.CorpusGenerator;
import dev.piiwarden.core.redaction.PiiType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The corpus every tool is measured on: core's {@link CorpusGenerator} (the one its own quality
 * test uses), a fixed number of lines per personal data type and of hard negatives, in a seeded
 * shuffled order so that throughput sees the types mixed as a log would.
 */
public final class LabelledCorpus {
  /** The seed of core's quality test (drawn in another order and number, so other lines of the same kinds). */
  public static final long SEED = 20261122L;
  public static final int POSITIVES_PER_TYPE = 1_000;
  public static final int NEGATIVES = 7_000;
  /** {@link #POSITIVES_PER_TYPE} for each of the 7 types, plus {@link #NEGATIVES}. */
  public static final int SIZE = 7 * POSITIVES_PER_TYPE + NEGATIVES;

  /**
   * One line of the corpus.
   *
   * @param type the personal data type's key, or null for a hard negative
   * @param value the personal value in the line, or null for a hard negative
   * @param text the line
   */
  public record Line(String type, String value, String text) {
    boolean personal() {
      return type != null;
    }
  }

  private final List<Line> lines;

  private LabelledCorpus(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The corpus of {@link #SIZE} lines from {@link #SEED}. */
  public static LabelledCorpus standard() {
    CorpusGenerator generator = new CorpusGenerator(SEED);
    List<Line> lines = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      for (int i = 0; i < POSITIVES_PER_TYPE; i++) {
        CorpusGenerator.Sample sample = generator.positive(type.key());
        lines.add(new Line(type.key(), sample.value(), sample.line()));
      }
    }
    for (int i = 0; i < NEGATIVES; i++) {
      lines.add(new Line(null, null, generator.negative()));
    }
    Collections.shuffle(lines, new Random(SEED));
    if (lines.size() != SIZE) {
      throw new IllegalStateException("corpus of " + lines.size() + " lines, expected " + SIZE);
    }
    return new LabelledCorpus(lines);
  }

  public List<Line> lines() {
    return lines;
  }

  /** The lines' texts, in corpus order. */
  public String[] texts() {
    return lines.stream().map(Line::text).toArray(String[]::new);
  }

  /** The UTF-8 size of all texts, for MB per second. */
  public long bytes() {
    long total = 0;
    for (Line line : lines) {
      total += line.text().getBytes(StandardCharsets.UTF_8).length;
    }
    return total;
  }
}

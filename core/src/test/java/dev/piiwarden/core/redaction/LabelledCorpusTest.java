package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quality on a labelled corpus from seeded generators: per type, the recall on lines holding that
 * kind of value and the false-positive rate on lines of hard negatives. Thresholds: recall at least
 * 99.5%, false positives at most 0.5%.
 */
class LabelledCorpusTest {
  private static final long SEED = 20261122L;
  private static final int POSITIVES_PER_TYPE = 2_000;
  private static final int NEGATIVES = 10_000;

  @Test
  void recallAndFalsePositivesPerType() {
    Redactor redactor = Redactor.withDefaults();
    CorpusGenerator generator = new CorpusGenerator(SEED);
    List<String> negatives = new ArrayList<>();
    for (int i = 0; i < NEGATIVES; i++) {
      negatives.add(redactor.redact(generator.negative()));
    }
    Map<String, String> report = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      String key = type.key();
      int found = 0;
      List<String> missed = new ArrayList<>();
      for (int i = 0; i < POSITIVES_PER_TYPE; i++) {
        CorpusGenerator.Sample sample = generator.positive(key);
        String out = redactor.redact(sample.line());
        if (!out.contains(sample.value()) && out.contains(Redactor.mask(key))) {
          found++;
        } else if (missed.size() < 3) {
          missed.add(sample.line() + "  ->  " + out);
        }
      }
      int falsePositives = 0;
      List<String> wrong = new ArrayList<>();
      for (String out : negatives) {
        if (out.contains(Redactor.mask(key))) {
          falsePositives++;
          if (wrong.size() < 3) {
            wrong.add(out);
          }
        }
      }
      double recall = 100.0 * found / POSITIVES_PER_TYPE;
      double fpRate = 100.0 * falsePositives / NEGATIVES;
      report.put(key, String.format("recall %6.2f%% (%d/%d), false positives %5.2f%% (%d/%d)",
          recall, found, POSITIVES_PER_TYPE, fpRate, falsePositives, NEGATIVES));
      if (recall < 99.5) {
        problems.add(key + " recall " + recall + "%, e.g. " + missed);
      }
      if (fpRate > 0.5) {
        problems.add(key + " false positives " + fpRate + "%, e.g. " + wrong);
      }
    }
    report.forEach((type, figures) -> System.out.printf("corpus: %-10s %s%n", type, figures));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

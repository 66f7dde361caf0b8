package dev.piiwarden.benchmarks.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogbackReplaceLayoutTest {
  @Test
  void logbackAppliesTheAlternationAsJavaDoes() {
    LogbackReplaceLayout layout = LogbackReplaceLayout.replacing();
    Pattern alternation = Pattern.compile(UserRegexes.alternation());
    for (LabelledCorpus.Line line : LabelledCorpus.standard().lines().subList(0, 100)) {
      assertEquals(alternation.matcher(line.text()).replaceAll(UserRegexes.ALTERNATION_MASK),
          layout.apply(line.text()), line.text());
    }
  }

  @Test
  void theCredentialKeepsItsKeyAndEveryOtherTypeIsMaskedWhole() {
    LogbackReplaceLayout layout = LogbackReplaceLayout.replacing();
    assertEquals("login password=[REDACTED] for [REDACTED]",
        layout.apply("login password=hunter2 for bob@example.com"));
  }

  @Test
  void logstashMasksEachTypeWithItsOwnMask() {
    LogstashValueMasking masking = LogstashValueMasking.masking();
    assertEquals("login password=[REDACTED:credential] for [REDACTED:email]",
        masking.apply("login password=hunter2 for bob@example.com"));
  }
}

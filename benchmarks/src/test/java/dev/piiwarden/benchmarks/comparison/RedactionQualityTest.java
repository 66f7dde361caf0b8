package dev.piiwarden.benchmarks.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.redaction.Redactor;
import org.junit.jupiter.api.Test;

class RedactionQualityTest {
  private static final String LINE = "card 4111 1111 1111 1111 for order 77";
  private static final String CARD = "4111 1111 1111 1111";

  @Test
  void theWholeValueLeftIsALeak() {
    assertTrue(RedactionQuality.leaks(LINE, CARD, LINE));
  }

  @Test
  void halfTheValueLeftReadableIsALeak() {
    assertTrue(RedactionQuality.leaks(LINE, CARD, "card [REDACTED] 1111 1111 for order 77"));
  }

  @Test
  void aMaskedValueIsNoLeakThoughTheRestOfTheLineStays() {
    assertFalse(RedactionQuality.leaks(LINE, CARD, "card [REDACTED:card] for order 77"));
  }

  @Test
  void textThatWasAlreadyAroundTheValueIsNotCountedAsAPieceOfIt() {
    String line = "user bob.smith logged in as bob.smith@example.com";
    assertFalse(RedactionQuality.leaks(line, "bob.smith@example.com", "user bob.smith logged in as [REDACTED]"));
  }

  @Test
  void countsFoundAndFalsePositivesOnTheCorpus() {
    LabelledCorpus corpus = LabelledCorpus.standard();
    RedactionQuality.Figures nothing = RedactionQuality.measure(corpus, line -> line, true);
    assertEquals(0, nothing.found());
    assertEquals(0, nothing.falsePositives());
    assertEquals(7 * LabelledCorpus.POSITIVES_PER_TYPE, nothing.personal());
    assertEquals(LabelledCorpus.NEGATIVES, nothing.negatives());

    RedactionQuality.Figures everything =
        RedactionQuality.measure(corpus, line -> Redactor.mask("card"), true);
    assertEquals(nothing.personal(), everything.found());
    assertEquals(LabelledCorpus.NEGATIVES, everything.falsePositives());
    assertEquals(LabelledCorpus.NEGATIVES, everything.byType().get("card").falsePositives());
    assertEquals(0, everything.byType().get("email").falsePositives());
  }
}

package dev.piiwarden.benchmarks.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongLinesTest {
  @Test
  void linesHaveExactlyTheLengthAskedFor() {
    for (int length : new int[] {100, 1_000, 10_000}) {
      assertEquals(length, LongLines.of(length, false).text().length());
      assertEquals(length, LongLines.of(length, true).text().length());
    }
  }

  @Test
  void personalLinesHoldValuesAndCleanLinesNone() {
    assertEquals(0, LongLines.of(1_000, false).personalValues());
    assertTrue(LongLines.of(100, true).personalValues() >= 1);
    assertTrue(LongLines.of(10_000, true).personalValues() > LongLines.of(1_000, true).personalValues());
  }

  @Test
  void theSameLengthGivesTheSameLine() {
    assertEquals(LongLines.of(1_000, true), LongLines.of(1_000, true));
  }
}

package dev.piiwarden.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheTtlOptionTest {
  @Test
  void daysAndTimeAreTaken() {
    assertEquals(Duration.ofSeconds(5), CacheTtlOption.parse("PT5S"));
    assertEquals(Duration.ofDays(365), CacheTtlOption.parse("P365D"));
    assertEquals(Duration.ZERO, CacheTtlOption.parse("PT0S"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "P1Y|'P1Y' counts years, months or weeks, which are not accepted (a year or a month has no fixed"
        + " length); give days and time, e.g. P365D or PT12H",
    "P6M|'P6M' counts years, months or weeks, which are not accepted (a year or a month has no fixed"
        + " length); give days and time, e.g. P365D or PT12H",
    "P2W|'P2W' counts years, months or weeks, which are not accepted (a year or a month has no fixed"
        + " length); give days and time, e.g. P365D or PT12H",
    "P1Y2DT3H|'P1Y2DT3H' counts years, months or weeks, which are not accepted (a year or a month has no"
        + " fixed length); give days and time, e.g. P365D or PT12H",
    "PT5M5|'PT5M5' is not an ISO-8601 duration",
    "five seconds|'five seconds' is not an ISO-8601 duration",
    "-PT1S|'-PT1S' is negative",
    "P366D|'P366D' is longer than P365D, the longest TTL allowed",
    "P107000D|'P107000D' is longer than P365D, the longest TTL allowed",
    "PT1000000000H|'PT1000000000H' is longer than P365D, the longest TTL allowed",
  })
  void anythingElseIsRefusedSayingWhy(String value, String problem) {
    assertEquals(Optional.of(problem), CacheTtlOption.problem(value));
    assertEquals(problem, assertThrows(IllegalArgumentException.class, () -> CacheTtlOption.parse(value)).getMessage());
  }
}

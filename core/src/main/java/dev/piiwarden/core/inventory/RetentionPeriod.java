package dev.piiwarden.core.inventory;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * The retentions an inventory may hold: those the processor accepts (PW005), a positive ISO-8601
 * period ({@code P2Y}) or duration ({@code PT12H}). A value with both parts ({@code P1Y2M10DT2H})
 * is neither, as for the processor.
 */
final class RetentionPeriod {
  /** What a retention must be, for messages. */
  static final String EXPECTED = "a positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H";

  private RetentionPeriod() {}

  /** Whether {@code text} is a positive period or duration. */
  static boolean valid(String text) {
    try {
      Period period = Period.parse(text);
      return !period.isNegative() && !period.isZero();
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration duration = Duration.parse(text);
        return !duration.isNegative() && !duration.isZero();
      } catch (DateTimeParseException notADuration) {
        return false;
      }
    }
  }
}

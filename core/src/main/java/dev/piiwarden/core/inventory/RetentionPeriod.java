package dev.piiwarden.core.inventory;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a retention may be, for the processor (PW005) and for an inventory read back alike: a
 * positive ISO-8601 period ({@code P2Y}) or duration ({@code PT12H}). A value with both parts
 * ({@code P1Y2M10DT2H}), which ISO-8601 allows but neither type holds, is named as such.
 */
public final class RetentionPeriod {
  /** What a retention must be, for messages. */
  public static final String EXPECTED =
      "a positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H";

  private RetentionPeriod() {}

  /** Whether {@code text} is a positive period or duration. */
  public static boolean valid(String text) {
    return problem(text) == null;
  }

  /** What is wrong with {@code text} as a retention, or null when it is a positive period or duration. */
  public static String problem(String text) {
    try {
      Period period = Period.parse(text);
      return period.isNegative() || period.isZero() ? "not longer than nothing" : null;
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration duration = Duration.parse(text);
        return duration.isNegative() || duration.isZero() ? "not longer than nothing" : null;
      } catch (DateTimeParseException notADuration) {
        int time = text.toUpperCase(Locale.ROOT).indexOf('T');
        if (time > 1 && isIso8601(text.substring(0, time)) && isIso8601("P" + text.substring(time))) {
          return "a period and a duration in one, which ISO-8601 allows but a retention does not: give"
              + " one of them";
        }
        return "not an ISO-8601 period or duration";
      }
    }
  }

  /** Whether {@code text} parses as a {@link Period} or a {@link Duration}. */
  private static boolean isIso8601(String text) {
    try {
      Period.parse(text);
      return true;
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration.parse(text);
        return true;
      } catch (DateTimeParseException notADuration) {
        return false;
      }
    }
  }
}

package dev.piiwarden.core.options;

import dev.piiwarden.core.text.QuotedValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of {@code piiwarden.consent.cache-ttl}, read by the agent and by piiwarden-core's
 * ledger behind {@code Consents}: an ISO-8601 duration of days and time ({@code PT5S}, {@code
 * P365D}), from zero to {@link #LONGEST}: a decision reused for longer would keep a withdrawal made
 * by another process from taking effect for over a year. ISO-8601 also has years, months and weeks ({@code P1Y}); {@link
 * Duration} does not take them, as a year or a month has no fixed length, so the message says to
 * give days instead of calling {@code P1Y} not ISO-8601.
 */
public final class CacheTtlOption {
  /** A period with years, months or weeks, which {@link Duration} refuses. */
  private static final Pattern CALENDAR_PERIOD =
      Pattern.compile("(?i)[-+]?P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T.*)?");

  /** The longest TTL taken: a year of days. */
  public static final Duration LONGEST = Duration.ofDays(365);

  /** What is allowed, for messages that end with {@code allowed: …}. */
  public static final String ALLOWED = "an ISO-8601 duration of days and time from PT0S to P365D, such as PT5S";

  private CacheTtlOption() {}

  /**
   * The duration {@code value} gives.
   *
   * @throws IllegalArgumentException with {@link #problem(String)}'s text when it is not allowed
   */
  public static Duration parse(String value) {
    problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    return Duration.parse(value);
  }

  /** What is wrong with {@code value}, if anything. */
  public static Optional<String> problem(String value) {
    try {
      Duration ttl = Duration.parse(value);
      if (ttl.isNegative()) {
        return Optional.of(QuotedValue.quoted(value) + " is negative");
      }
      return ttl.compareTo(LONGEST) > 0
          ? Optional.of(QuotedValue.quoted(value) + " is longer than P365D, the longest TTL allowed")
          : Optional.empty();
    } catch (DateTimeParseException e) {
      if (CALENDAR_PERIOD.matcher(value).matches() && value.matches("(?i)[^T]*[YMW].*")) {
        return Optional.of(QuotedValue.quoted(value) + " counts years, months or weeks, which are not accepted (a"
            + " year or a month has no fixed length); give days and time, e.g. P365D or PT12H");
      }
      return Optional.of(QuotedValue.quoted(value) + " is not an ISO-8601 duration");
    }
  }
}

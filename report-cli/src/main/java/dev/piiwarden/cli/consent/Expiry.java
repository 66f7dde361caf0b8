package dev.piiwarden.cli.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * When a grant lapses: an ISO-8601 instant ({@code 2027-01-31T00:00:00Z}) or a duration from now
 * ({@code P365D}, {@code PT12H}).
 *
 * @param text what was typed, for messages
 * @param at the instant, or null for a duration
 * @param after the duration, or null for an instant
 */
public record Expiry(String text, Instant at, Duration after) {

  /** The instant the grant lapses, counted from {@code now} for a duration. */
  public Instant from(Instant now) {
    return at != null ? at : now.plus(after);
  }

  /** Converts the option value; picocli reports a failure as a usage error naming the option. */
  public static final class Converter implements ITypeConverter<Expiry> {
    /** The converter picocli instantiates. */
    public Converter() {}

    @Override
    public Expiry convert(String value) {
      String text = value.strip();
      try {
        return new Expiry(text, Instant.parse(text), null);
      } catch (DateTimeParseException notAnInstant) {
        try {
          return new Expiry(text, null, Duration.parse(text));
        } catch (DateTimeParseException notADuration) {
          throw new TypeConversionException(
              "'" + text + "' is neither an ISO-8601 instant (2027-01-31T00:00:00Z) nor a duration"
                  + " (P365D, PT12H)");
        }
      }
    }
  }
}

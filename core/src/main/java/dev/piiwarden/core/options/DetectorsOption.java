package dev.piiwarden.core.options;

import dev.piiwarden.core.redaction.PiiType;
import dev.piiwarden.core.text.QuotedValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The value of {@code piiwarden.redaction.detectors} (the agent) and {@code --detectors} ({@code
 * piiwarden redact}): {@code all}, or a comma-separated list of detector names, each one of {@value
 * #NAMES}, lower-case, blanks around a name allowed ({@code email, phone}). Nothing else: an empty
 * value or an empty name in the list would run no detector, and a control that redacts nothing must
 * not start by mistake.
 */
public final class DetectorsOption {
  /** The value that runs every detector, the default. */
  public static final String ALL = "all";

  /** The detector names in the order the documentation lists them. */
  public static final String NAMES = "email, phone, card, iban, ip, ssn, credential";

  private static final List<String> KNOWN = List.of(NAMES.split(", "));

  private DetectorsOption() {}

  /**
   * The detectors {@code value} names.
   *
   * @throws IllegalArgumentException with {@link #problem(String)}'s text when it is not allowed
   */
  public static Set<PiiType> parse(String value) {
    problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    if (value.strip().equals(ALL)) {
      return EnumSet.allOf(PiiType.class);
    }
    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
    for (String name : value.split(",", -1)) {
      types.add(PiiType.fromKey(name));
    }
    return types;
  }

  /** What is wrong with {@code value}, if anything, as the agent and the CLI say it. */
  public static Optional<String> problem(String value) {
    if (value.isBlank()) {
      return Optional.of("is empty, which would run no detector");
    }
    if (value.strip().equals(ALL)) {
      return Optional.empty();
    }
    for (String name : value.split(",", -1)) {
      String detector = name.strip();
      if (detector.isEmpty()) {
        return Optional.of(QuotedValue.quoted(value) + " has an empty detector name");
      }
      if (detector.equals(ALL)) {
        return Optional.of(QuotedValue.quoted(value) + " lists all with other names; all stands alone");
      }
      if (!KNOWN.contains(detector)) {
        String lower = detector.toLowerCase(Locale.ROOT);
        return Optional.of(QuotedValue.quoted(detector) + " is not a detector"
            + (KNOWN.contains(lower) || lower.equals(ALL) ? " (names are lower-case: " + lower + ")" : ""));
      }
    }
    return Optional.empty();
  }
}

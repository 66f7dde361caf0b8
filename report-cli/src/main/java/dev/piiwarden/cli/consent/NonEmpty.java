package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;

/** Option values that must say something: {@code --subject ""} is a mistake, not an id. */
public final class NonEmpty {
  private NonEmpty() {}

  /** {@code value} stripped; exit 2 naming {@code option} when it is empty or blank. */
  public static String of(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_EMPTY_OPTION, option);
    }
    return value.strip();
  }
}

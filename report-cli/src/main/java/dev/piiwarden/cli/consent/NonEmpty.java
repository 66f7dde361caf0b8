package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;

/** Option values that must say something: {@code --subject ""} is a mistake, not an id. */
final class NonEmpty {
  private NonEmpty() {}

  static String of(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_EMPTY_OPTION, option);
    }
    return value.strip();
  }
}

package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.Pseudonymizer;

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

  /**
   * A subject's id for the ledger: {@link #of} and no pseudonym ({@code hmac:} and 64 hex digits,
   * as the audit trail and {@code ConsentDeniedException} show a subject), under which a grant
   * would cover no one: the ledger keeps consent under the id the application passes.
   */
  public static String subject(String value) {
    String subject = of("--subject", value);
    if (Pseudonymizer.isPseudonym(subject)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_PSEUDONYM_SUBJECT);
    }
    return subject;
  }
}

package dev.piiwarden.core.redaction;

import dev.piiwarden.api.PersonalDataAccessException;

/**
 * An internal error the redactor contained: the text or object was replaced by {@code
 * [REDACTION_FAILED]} and the failure counted. It carries no message of the exception, which could
 * quote the input, except a {@link PersonalDataAccessException}'s, whose message names only
 * classes, members and packages and says what to change.
 *
 * @param stage what was being redacted: {@code text} or {@code object}
 * @param exceptionType the class name of the error
 * @param advice for a {@link PersonalDataAccessException}, its message (the package to open, the
 *     class to recompile); otherwise empty
 */
public record RedactionFailure(String stage, String exceptionType, String advice) {
  /** A failure that comes with no advice. */
  public RedactionFailure(String stage, String exceptionType) {
    this(stage, exceptionType, "");
  }

  /** The failure of {@code stage} by {@code failure}: its advice only when it may be shown. */
  static RedactionFailure of(String stage, Throwable failure) {
    return new RedactionFailure(stage, failure.getClass().getName(),
        failure instanceof PersonalDataAccessException ? failure.getMessage() : "");
  }
}

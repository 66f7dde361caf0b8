package dev.piiwarden.core.redaction;

/**
 * An internal error the redactor contained: the text or object was replaced by {@code
 * [REDACTION_FAILED]} and the failure counted. It carries no message of the exception, which could
 * quote the input.
 *
 * @param stage what was being redacted: {@code text} or {@code object}
 * @param exceptionType the class name of the error
 */
public record RedactionFailure(String stage, String exceptionType) {}

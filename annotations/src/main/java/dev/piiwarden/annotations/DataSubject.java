package dev.piiwarden.annotations;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the data subject's id: a parameter holding it ({@code void send(@DataSubject String
 * userId)}), or the member of a type that holds it ({@code @DataSubject private final String id;}),
 * so that consent checks and audit records know whose data is processed. The value must be a
 * {@code String}, a {@code CharSequence}, a number, a {@code UUID} or another type whose {@code
 * toString()} is the id. It should be an internal id, not personal data itself: a log-safe
 * rendering of the object ({@code PersonalDataExport.redact}, the agent's log redaction) shows a
 * member marked here and not {@code @PersonalData} as it is.
 */
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, RECORD_COMPONENT})
public @interface DataSubject {}

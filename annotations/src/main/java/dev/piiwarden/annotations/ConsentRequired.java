package dev.piiwarden.annotations;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The method may only run when the data subject has consented to every listed purpose.
 *
 * <pre>{@code
 * @ConsentRequired(value = Purpose.MARKETING_COMMUNICATIONS_EMAIL, onDenied = OnDenied.SKIP)
 * public void sendNewsletter(@DataSubject String userId, String body) { ... }
 * }</pre>
 *
 * <p>On a type it applies to every public method of that type but {@code toString()}, {@code
 * equals(Object)}, {@code hashCode()} and an enum's {@code values()} and {@code valueOf(String)},
 * which collections, logging and {@code switch} call on any object or enum (annotate one of them
 * itself to have it checked). The data subject is resolved from
 * a {@link DataSubject} parameter, then from a parameter whose type has a {@link DataSubject}
 * member, then from {@link dev.piiwarden.api.PrivacyContext}.
 */
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface ConsentRequired {
  /** The purposes that must all be granted, for example {@code "marketing.communications.email"}. */
  String[] value();

  /**
   * What happens when consent is missing: {@code THROW} a {@link
   * dev.piiwarden.api.ConsentDeniedException}, or {@code SKIP} the body and return the default
   * value of the return type.
   */
  OnDenied onDenied() default OnDenied.THROW;
}

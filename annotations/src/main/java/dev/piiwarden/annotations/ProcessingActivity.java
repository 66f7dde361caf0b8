package dev.piiwarden.annotations;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names a processing activity: a row of the records of processing activities (GDPR Art. 30).
 *
 * <pre>{@code
 * @ProcessingActivity(name = "Account registration", purposes = Purpose.ESSENTIAL_SERVICE)
 * public User register(RegistrationRequest request) { ... }
 * }</pre>
 *
 * <p>On a type it names the activity of every method of that type that reads personal data.
 */
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface ProcessingActivity {
  /** The activity's name as it appears in the records of processing, e.g. "Account registration". */
  String name();

  /** The purposes the activity serves, for example {@code "essential.service"}. */
  String[] purposes() default {};
}

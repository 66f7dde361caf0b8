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
 * Marks a member that holds personal data.
 *
 * <pre>{@code
 * public class User {
 *   @PersonalData(category = Category.USER_CONTACT_EMAIL,
 *                 purposes = {Purpose.ESSENTIAL_SERVICE, Purpose.MARKETING_COMMUNICATIONS_EMAIL},
 *                 basis = LawfulBasis.CONTRACT,
 *                 retention = "P2Y")
 *   private String email;
 * }
 * }</pre>
 *
 * <p>On a method it marks an accessor (a getter such as {@code getEmail()} or {@code email()}); on a
 * parameter, a value that a method receives; on a record component, that component.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
public @interface PersonalData {
  /**
   * The data category key, for example {@code "user.contact.email"} ({@link Category}) or a key
   * from the organisation's taxonomy extension.
   */
  String category();

  /**
   * The purposes the data was collected for (purpose limitation), for example {@code
   * {"essential.service"}}. A method acting for a purpose that none of these covers is reported
   * by the processor. Empty means not declared.
   */
  String[] purposes() default {};

  /** The data subject key, for example {@code "customer"} or {@code "employee"} ({@link Subject}). */
  String subject() default "customer";

  /**
   * The lawful basis for processing (GDPR Art. 6). Special categories (Art. 9 and 10) must state
   * one explicitly.
   */
  LawfulBasis basis() default LawfulBasis.UNSPECIFIED;

  /**
   * How long the data may be kept, as an ISO-8601 period such as {@code "P30D"} or {@code "P2Y"}.
   * Empty means not declared.
   */
  String retention() default "";

  /** How the value appears in logs: {@code MASK}, {@code HASH}, {@code PARTIAL} or {@code OMIT}. */
  Redaction redaction() default Redaction.MASK;
}

package dev.piiwarden.core.redaction;

/**
 * How far the built-in detectors find a value of a data category written as plain text, with
 * nothing to say what it is: what log redaction does for a value logged on its own rather than
 * inside an annotated object (which is rendered by its annotations, whatever its categories).
 * Categories are the taxonomy's keys; a key covers its descendants ({@code user.contact.email}
 * covers {@code user.contact.email.work}).
 *
 * @param extent whether the values are found always, in some forms or never
 * @param forms for {@link Extent#SOME_FORMS}, the forms in which they are found, as a phrase
 *     ("in E.164 form (+…) or after a word such as tel or phone"); empty otherwise
 */
public record PlainTextCoverage(Extent extent, String forms) {
  /** How much of a category's values written as plain text the detectors find. */
  public enum Extent {
    /** Every value of the category in any usual form (e-mail addresses, card numbers, IP addresses). */
    ALWAYS,
    /** Values in the forms {@link #forms()} names only. */
    SOME_FORMS,
    /** None: no detector knows the category (names, postal addresses, dates of birth). */
    NEVER
  }

  private static final PlainTextCoverage ALWAYS = new PlainTextCoverage(Extent.ALWAYS, "");
  private static final PlainTextCoverage NEVER = new PlainTextCoverage(Extent.NEVER, "");

  /** The coverage of {@code category}, a taxonomy key; {@link Extent#NEVER} for null or unknown keys. */
  public static PlainTextCoverage of(String category) {
    if (category == null) {
      return NEVER;
    }
    if (within(category, "user.contact.email")
        || within(category, "user.financial.credit_card")
        || within(category, "user.device.ip_address")) {
      return ALWAYS;
    }
    if (within(category, "user.contact.phone_number")) {
      return someForms("in E.164 form (+…) or after a word such as tel or phone");
    }
    if (within(category, "user.financial.bank_account")) {
      return someForms("as an IBAN");
    }
    if (within(category, "user.government_id.national_identification_number")) {
      return someForms("as a US social security number");
    }
    if (within(category, "user.authorization.credentials") || within(category, "user.authorization.password")) {
      return someForms("after a key such as password= or in an Authorization header");
    }
    return NEVER;
  }

  private static PlainTextCoverage someForms(String forms) {
    return new PlainTextCoverage(Extent.SOME_FORMS, forms);
  }

  private static boolean within(String category, String key) {
    return category.equals(key) || (category.startsWith(key) && category.charAt(key.length()) == '.');
  }
}

package dev.piiwarden.core.report.ropa;

/**
 * A category of personal data an activity processes.
 *
 * @param key the data category key
 * @param name its name in the taxonomy
 * @param special a special category (GDPR Art. 9/10)
 * @param sensitive sensitive personal information (CCPA)
 * @param condition for a special category, the Art. 9(2) condition the declared basis shows, or
 *     {@link #CONDITION_REQUIRED}; null for other categories
 */
public record CategoryEntry(String key, String name, boolean special, boolean sensitive, String condition) {
  /** The flag for a special category whose basis shows no Art. 9(2) condition. */
  public static final String CONDITION_REQUIRED = "special category: Art. 9(2) condition required";

  /** "Email (user.contact.email)", with the special-category condition when there is one. */
  public String describe() {
    String label = name.equals(key) ? key : name + " (" + key + ")";
    return condition == null ? label : label + " [" + condition + "]";
  }
}

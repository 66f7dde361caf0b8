package dev.piiwarden.core.report.ropa;

/**
 * A taxonomy key with its human name, e.g. {@code marketing.communications.email} "Email Marketing
 * Communications".
 *
 * @param key the key
 * @param name its name in the taxonomy, or the key itself when the taxonomy does not know it
 */
public record KeyName(String key, String name) {
  /** "Email Marketing Communications (marketing.communications.email)". */
  public String describe() {
    return name.equals(key) ? key : name + " (" + key + ")";
  }
}

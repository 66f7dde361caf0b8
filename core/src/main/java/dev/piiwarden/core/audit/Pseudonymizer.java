package dev.piiwarden.core.audit;

/**
 * Turns a data subject's id into the pseudonym the trail holds: {@code hmac:} and the hex
 * HMAC-SHA256 of the id's UTF-8 bytes under the audit key. The same key and id always give the
 * same pseudonym, so an auditor holding the key can find one person's events ({@link AuditQuery})
 * while the trail itself names nobody. Thread-safe.
 */
public final class Pseudonymizer {
  /** The prefix of every pseudonym. */
  public static final String PREFIX = "hmac:";

  private final KeyedHash hash;

  /** A pseudonymizer with this key. */
  public Pseudonymizer(AuditKey key) {
    this.hash = key.hash();
  }

  /** The pseudonym of {@code subjectId}. */
  public String pseudonym(String subjectId) {
    return PREFIX + hash.hex("", subjectId);
  }

  /**
   * Whether {@code text} is a pseudonym as the trail and {@code ConsentDeniedException} give it:
   * {@value #PREFIX} and 64 lowercase hex digits. Checked by hand: the first audit record of every
   * agent start checks its subject with this, and a regex costs that start its compiler.
   */
  public static boolean isPseudonym(String text) {
    int prefix = PREFIX.length();
    if (text == null || text.length() != prefix + 64 || !text.startsWith(PREFIX)) {
      return false;
    }
    for (int i = prefix; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}

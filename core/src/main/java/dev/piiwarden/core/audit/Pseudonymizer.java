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
}

package dev.piiwarden.core.taxonomy;

import java.util.Objects;

/**
 * One key of the taxonomy.
 *
 * @param kind category, purpose or subject
 * @param key the dotted key, e.g. {@code user.contact.email}
 * @param parent the parent key, or null for a root
 * @param name a short human name
 * @param description what the key means
 * @param special a special category of data (GDPR Art. 9/10); categories only
 * @param sensitive sensitive personal information (CCPA); categories only
 */
public record TaxonomyEntry(
    TaxonomyKind kind,
    String key,
    String parent,
    String name,
    String description,
    boolean special,
    boolean sensitive) {

  /** Checks that kind and key are present. */
  public TaxonomyEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    name = name == null ? key : name;
    description = description == null ? "" : description;
  }
}

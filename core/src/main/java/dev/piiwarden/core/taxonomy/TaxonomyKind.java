package dev.piiwarden.core.taxonomy;

/** The three kinds of taxonomy keys. */
public enum TaxonomyKind {
  /** Data categories, e.g. {@code user.contact.email}. */
  CATEGORY("category", "categories"),
  /** Purposes (fideslang data uses), e.g. {@code marketing.communications.email}. */
  PURPOSE("purpose", "purposes"),
  /** Data subjects, e.g. {@code customer}. */
  SUBJECT("subject", "subjects");

  private final String singular;
  private final String plural;

  TaxonomyKind(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  /** "category", "purpose" or "subject", as used in messages. */
  public String singular() {
    return singular;
  }

  /** "categories", "purposes" or "subjects", as used in the extension file. */
  public String plural() {
    return plural;
  }
}

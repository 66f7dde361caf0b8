package dev.piiwarden.core.consent;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.core.taxonomy.UnknownKey;
import java.util.Objects;

/**
 * Checks a grant or withdrawal that comes through the application's {@code Consents} before it
 * is recorded, as {@code piiwarden consent grant|withdraw} does for its options: a grant of a
 * mistyped purpose would be recorded and never match what the code asks for, which looks like
 * consent but is none; an empty subject, purpose or source is no consent record at all. Messages
 * never contain the subject id, and show a purpose shaped like personal data (the subject's e-mail
 * address passed as the purpose) only masked ({@link UnknownKey}).
 */
public final class ConsentChangeArguments {
  private final Taxonomy taxonomy;

  /** @param taxonomy the purposes that may be granted: the built-in ones plus an extension's */
  public ConsentChangeArguments(Taxonomy taxonomy) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
  }

  /**
   * @throws IllegalArgumentException when a value is null or blank, or the purpose is no purpose
   *     key of the taxonomy (with the closest key when one is close)
   */
  public void check(String subject, String purpose, String source) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException(
          "piiwarden: the subject is empty; pass the data subject's id");
    }
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException(
          "piiwarden: the purpose is empty; pass a purpose key, e.g. marketing.communications.email");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("piiwarden: the source is empty; pass where the consent was"
          + " given or withdrawn, e.g. signup-form");
    }
    if (!taxonomy.contains(TaxonomyKind.PURPOSE, purpose)) {
      UnknownKey unknown = UnknownKey.of(taxonomy, TaxonomyKind.PURPOSE, purpose);
      throw new IllegalArgumentException("piiwarden: unknown purpose '" + unknown.shown() + "'" + unknown.hint()
          + "; pass a purpose key of the taxonomy, or add the purpose to the taxonomy extension"
          + " named by piiwarden.taxonomy");
    }
  }
}

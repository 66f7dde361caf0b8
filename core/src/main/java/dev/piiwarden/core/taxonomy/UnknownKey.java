package dev.piiwarden.core.taxonomy;

import dev.piiwarden.core.text.QuotedValue;

/**
 * A key given where a taxonomy key belongs but unknown to the taxonomy, as a message shows it: the
 * key itself with the closest known key, or, for a value shaped like personal data (an e-mail
 * address passed as the purpose), its mask and what it looks like, since the closest key to an
 * address means nothing and the address must not be repeated.
 *
 * @param shown the key as typed, or its mask ({@code [REDACTED:email]})
 * @param hint {@code " (did you mean 'marketing'?)"}, {@code " (it looks like an e-mail address, not
 *     a purpose key)"}, or empty
 */
public record UnknownKey(String shown, String hint) {
  /** What to say of {@code typed}, a key of {@code kind} that {@code taxonomy} does not have. */
  public static UnknownKey of(Taxonomy taxonomy, TaxonomyKind kind, String typed) {
    QuotedValue quoted = QuotedValue.of(typed);
    if (quoted.masked()) {
      return new UnknownKey(quoted.shown(),
          " (it looks like " + quoted.looksLike() + ", not a " + kind.singular() + " key)");
    }
    return new UnknownKey(typed,
        taxonomy.suggest(kind, typed).map(key -> " (did you mean '" + key + "'?)").orElse(""));
  }
}

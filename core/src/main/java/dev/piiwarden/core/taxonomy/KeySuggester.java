package dev.piiwarden.core.taxonomy;

import dev.piiwarden.core.text.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known key closest to a mistyped one: by edit distance over the whole key, and by the
 * last segment alone, so that {@code user.email} suggests {@code user.contact.email}.
 */
final class KeySuggester {
  private KeySuggester() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    String wanted = typed.toLowerCase(Locale.ROOT).trim();
    String wantedLeaf = leaf(wanted);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : known) {
      int whole = EditDistance.between(wanted, candidate);
      int byLeaf = EditDistance.between(wantedLeaf, leaf(candidate)) + 1;
      int score = Math.min(whole, byLeaf);
      // Ties go to the shorter (more general) key, then alphabetically, so results are stable.
      if (score < bestScore
          || (score == bestScore
              && best != null
              && (candidate.length() < best.length()
                  || (candidate.length() == best.length() && candidate.compareTo(best) < 0)))) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best == null || bestScore > Math.max(2, wanted.length() / 2)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  private static String leaf(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}

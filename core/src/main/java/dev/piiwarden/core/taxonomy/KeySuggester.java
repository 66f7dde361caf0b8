package dev.piiwarden.core.taxonomy;

import dev.piiwarden.core.text.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known key closest to a mistyped one: by edit distance over the whole key, and by the
 * last segment alone, so that {@code user.email} suggests {@code user.contact.email}. A key
 * further than a typo from every known one (more edits than a third of its length, or of its last
 * segment's) gets no suggestion: {@code no.such.purpose} is not a misspelt {@code
 * functional.service.improve}.
 */
final class KeySuggester {
  private KeySuggester() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    String wanted = typed.toLowerCase(Locale.ROOT).trim();
    String wantedLeaf = leaf(wanted);
    // a typo changes a few letters: at most a third of the key, or of its last segment
    int wholeLimit = Math.max(2, wanted.length() / 3);
    int leafLimit = Math.max(2, wantedLeaf.length() / 3);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : known) {
      int whole = EditDistance.between(wanted, candidate);
      int leafDistance = EditDistance.between(wantedLeaf, leaf(candidate));
      if (whole > wholeLimit && leafDistance > leafLimit) {
        continue;
      }
      int score = Math.min(whole, leafDistance + 1);
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
    return Optional.ofNullable(best);
  }

  private static String leaf(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}

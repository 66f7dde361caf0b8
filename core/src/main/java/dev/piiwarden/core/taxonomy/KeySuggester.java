package dev.piiwarden.core.taxonomy;

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
      int whole = distance(wanted, candidate);
      int byLeaf = distance(wantedLeaf, leaf(candidate)) + 1;
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

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

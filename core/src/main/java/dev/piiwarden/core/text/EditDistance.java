package dev.piiwarden.core.text;

import java.util.Locale;

/**
 * Edit distance with adjacent transpositions (optimal string alignment): the fewest single-character
 * insertions, deletions, substitutions and swaps of two neighbours that turn one string into
 * another, so that the common typo {@code emial} is one edit from {@code email}, not two. Used to
 * suggest the key or option a typo meant.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The edit distance between {@code a} and {@code b}, in O(|a|·|b|) time and O(|b|) space. */
  public static int between(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] swap = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * The name of {@code known} closest to {@code typed}, ignoring case, or null when none is close
   * (within a third of its length, and at least 2).
   */
  public static String closest(String typed, Iterable<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = between(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? best : null;
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;
import java.util.Locale;

/**
 * Words that make an otherwise ambiguous number personal data when one of them starts a word
 * shortly before it, with no digit in between ("tel", "phone" before {@code 030 1234567}; "ssn"
 * before a bare nine-digit run). The look-back window is bounded, so checking costs a constant
 * per candidate.
 */
final class ContextWords {
  private final char[][] words;
  private final int window;

  ContextWords(int window, List<String> words) {
    this.window = window;
    this.words = new char[words.size()][];
    for (int i = 0; i < words.size(); i++) {
      this.words[i] = words.get(i).toLowerCase(Locale.ROOT).toCharArray();
    }
  }

  /**
   * Whether a context word starts a word within the window before {@code start}, with no digit
   * between it and {@code start} ("phone count 48 | id 5732034846" has no phone number).
   */
  boolean precede(CharSequence text, int start) {
    int from = start;
    while (from > 0 && from > start - window && !CharClasses.isDigit(text.charAt(from - 1))) {
      from--;
    }
    for (int i = from; i < start; i++) {
      if (CharClasses.alnumBefore(text, i) || !CharClasses.is(text.charAt(i), CharClasses.LETTER)) {
        continue;
      }
      for (char[] word : words) {
        if (startsWith(text, i, start, word)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean startsWith(CharSequence text, int at, int limit, char[] word) {
    if (at + word.length > limit) {
      return false;
    }
    for (int k = 0; k < word.length; k++) {
      if (CharClasses.lower(text.charAt(at + k)) != word[k]) {
        return false;
      }
    }
    return true;
  }
}

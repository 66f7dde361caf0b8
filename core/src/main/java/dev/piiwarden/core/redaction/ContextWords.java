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
  private final char[][] otherWords;
  private final int window;
  private final boolean camelCase;

  ContextWords(int window, List<String> words) {
    this(window, words, List.of(), false);
  }

  /**
   * @param otherWords words that start with a context word but are not one ("tel-aviv" is no
   *     "tel"): where one of them starts, the context word there does not count
   * @param camelCase whether a context word also counts at a camel-case boundary after two small
   *     letters ({@code customerPhone}; not {@code iPhone})
   */
  ContextWords(int window, List<String> words, List<String> otherWords, boolean camelCase) {
    this.window = window;
    this.camelCase = camelCase;
    this.words = lowerCase(words);
    this.otherWords = lowerCase(otherWords);
  }

  private static char[][] lowerCase(List<String> words) {
    char[][] chars = new char[words.size()][];
    for (int i = 0; i < words.size(); i++) {
      chars[i] = words.get(i).toLowerCase(Locale.ROOT).toCharArray();
    }
    return chars;
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
      if (!CharClasses.is(text.charAt(i), CharClasses.LETTER)
          || (CharClasses.alnumBefore(text, i) && !camelCaseStart(text, i))) {
        continue;
      }
      for (char[] word : words) {
        if (startsWith(text, i, start, word) && !startsOtherWord(text, i, start)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean camelCaseStart(CharSequence text, int at) {
    return camelCase && at >= 2 && isCapital(text.charAt(at))
        && isSmall(text.charAt(at - 1)) && isSmall(text.charAt(at - 2));
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isSmall(char c) {
    return c >= 'a' && c <= 'z';
  }

  private boolean startsOtherWord(CharSequence text, int at, int limit) {
    for (char[] word : otherWords) {
      if (startsWith(text, at, limit, word)) {
        return true;
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

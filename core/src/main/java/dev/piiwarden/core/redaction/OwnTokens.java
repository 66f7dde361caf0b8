package dev.piiwarden.core.redaction;

import java.util.Arrays;

/**
 * Where a text holds what redaction writes: masks ({@code [REDACTED:email]}) and hash tokens
 * ({@code [email:0123456789abcdef]}, a label and 16 lower-case hex digits).
 */
final class OwnTokens {
  private static final int[] NONE = new int[0];

  private OwnTokens() {}

  /** The spans of {@code text}'s masks and hash tokens, as start, end pairs in order. */
  static int[] spans(CharSequence text) {
    int[] spans = NONE;
    int count = 0;
    for (int open = indexOf(text, '[', 0); open >= 0; open = indexOf(text, '[', open + 1)) {
      int end = tokenEnd(text, open);
      if (end > 0) {
        if (count == spans.length) {
          spans = Arrays.copyOf(spans, Math.max(8, count * 2));
        }
        spans[count++] = open;
        spans[count++] = end;
        open = end - 1;
      }
    }
    return count == spans.length ? spans : Arrays.copyOf(spans, count);
  }

  /** Whether {@code [start, end)} shares a character with one of {@code spans}. */
  static boolean overlaps(int[] spans, int start, int end) {
    for (int i = 0; i < spans.length; i += 2) {
      if (start < spans[i + 1] && spans[i] < end) {
        return true;
      }
    }
    return false;
  }

  /** The end of a mask or hash token starting at {@code open}, or -1. */
  private static int tokenEnd(CharSequence text, int open) {
    int colon = -1;
    int i = open + 1;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        colon = i;
        break;
      }
      if (!isLabel(c)) {
        return -1;
      }
    }
    if (colon <= open + 1) {
      return -1;
    }
    if (CharClasses.startsWith(text, open, Redactor.MASK_START)) {
      int k = colon + 1;
      while (k < text.length() && isLabel(text.charAt(k))) {
        k++;
      }
      return k > colon + 1 && k < text.length() && text.charAt(k) == ']' ? k + 1 : -1;
    }
    int close = colon + 1 + HashTokens.DIGITS;
    if (close >= text.length() || text.charAt(close) != ']') {
      return -1;
    }
    for (int k = colon + 1; k < close; k++) {
      char c = text.charAt(k);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return -1;
      }
    }
    return close + 1;
  }

  private static boolean isLabel(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
        || c == '_';
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}

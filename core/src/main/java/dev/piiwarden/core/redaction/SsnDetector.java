package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * US social security numbers: {@code AAA-GG-SSSS}, or {@code AAA GG SSSS} or a bare nine-digit run
 * when a context word ("ssn", "social security", ...) comes shortly before. A dashed number is
 * taken without one: it is the number's canonical shape, so a part number of that shape ({@code
 * PN 536-22-1234}) is masked too.
 * The SSA rules apply: the area is not 000, 666 or 900 to 999, the group not 00, the serial not
 * 0000. The tail of a longer number or of a code ({@code INV-123-45-6789}) is not one; a number
 * beside it across another separator ({@code employee 7 536-22-1234}) does not make it one.
 */
final class SsnDetector implements Detector {
  private static final ContextWords CONTEXT =
      new ContextWords(24, List.of("ssn", "social", "ss#", "taxpayer", "tin"));
  /** The digits of a number, with or without separators. */
  static final int DIGITS = 9;

  @Override
  public String type() {
    return PiiType.SSN.key();
  }

  @Override
  public int triggers() {
    return DIGIT_RUN;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    int n = text.length();
    if (at + 9 > n) {
      return NONE;
    }
    int end;
    char separator = at + 3 < n ? text.charAt(at + 3) : 0;
    if (separator == '-' || separator == ' ') {
      if (at + 11 > n
          || !digits(text, at, 3)
          || !digits(text, at + 4, 2)
          || text.charAt(at + 6) != separator
          || !digits(text, at + 7, 4)) {
        return NONE;
      }
      end = at + 11;
    } else if (digits(text, at, 9)) {
      end = at + 9;
    } else {
      return NONE;
    }
    char own = end == at + 9 ? 0 : separator;
    if (CharClasses.alnumAt(text, end)
        || (end + 1 < n && joins(text.charAt(end), own) && CharClasses.isDigit(text.charAt(end + 1)))
        || (at > 1 && joins(text.charAt(at - 1), own) && CharClasses.isDigit(text.charAt(at - 2)))
        || (at > 1 && text.charAt(at - 1) == '-' && CharClasses.isAlnum(text.charAt(at - 2)))) {
      return NONE; // the tail of a longer number, or of a code such as INV-123-45-6789
    }
    int area = number(text, at, 3);
    int group = end == at + 9 ? number(text, at + 3, 2) : number(text, at + 4, 2);
    int serial = number(text, end - 4, 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return NONE;
    }
    if ((end == at + 9 || separator == ' ') && !CONTEXT.precede(text, at)) {
      // bare and spaced runs are as often other numbers (matrix dims 512 64 2048)
      return NONE;
    }
    return Detector.match(at, end);
  }

  /**
   * Whether a number beside the one found, across {@code c}, makes it part of a longer number: a
   * decimal point always does, and so does the number's own separator ({@code own}, 0 for a bare
   * run: then any). {@code employee 7 536-22-1234} holds one; {@code 123-536-22-1234} does not.
   */
  private static boolean joins(char c, char own) {
    return c == '.' || (own == 0 ? c == '-' || c == ' ' : c == own);
  }

  private static boolean digits(CharSequence text, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!CharClasses.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(CharSequence text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * Phone numbers.
 *
 * <ul>
 *   <li>International (E.164): {@code +} (or {@code %2B}, as in a query string, where a {@code +}
 *       between the groups stands for a space), a country code not starting with 0, 8 to 15
 *       digits in all, optionally grouped by spaces, dashes, dots or parentheses: {@code +44 20
 *       7946 0958}, {@code +1 (555) 123-4567}. After country code 1 (North America) exactly ten
 *       digits, the first not 0 or 1.
 *   <li>National: 7 to 12 digits, optionally with an area code in parentheses and grouped by
 *       spaces, dashes, dots, slashes or plus signs (spaces in a query string) into groups of two
 *       or more digits (the first may have one, as in {@code 1-800-555-0199}): {@code (555) 123-4567}, {@code 555-123-4567}, {@code 030
 *       1234567}. Only when a context word (tel, phone, sms, mobile, call, fax, cell) starts a
 *       word shortly before it, since such numbers are otherwise indistinguishable from ids.
 *       A number starting with the international prefix {@code 00} may have up to 17 digits.
 *       An ISO date shape ({@code 2024-01-15}) is never a national number.
 * </ul>
 */
final class PhoneDetector implements Detector {
  static final List<String> CONTEXT_WORDS =
      List.of("tel", "phone", "sms", "mobile", "call", "fax", "cell", "whatsapp");
  private static final ContextWords CONTEXT = new ContextWords(24, CONTEXT_WORDS);
  /** The fewest digits of any number taken: a national one's; an international one has 8. */
  static final int MIN_DIGITS = 7;
  private static final int MIN_INTERNATIONAL_DIGITS = 8;
  /** A North American number with its country code: 1 and ten digits. */
  private static final int NANP_DIGITS = 11;

  @Override
  public String type() {
    return PiiType.PHONE.key();
  }

  @Override
  public int triggers() {
    return PLUS | DIGIT_RUN | OPEN_PAREN;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    char c = text.charAt(at);
    if (c == '+') {
      return international(text, at, at + 1, false);
    }
    return encodedPlus(text, at) ? international(text, at, at + 3, true) : national(text, at);
  }

  /**
   * Whether {@code %2B}, a URL-encoded {@code +}, starts at {@code at}: the international prefix of
   * a number in a query string ({@code phone=%2B442079460958}).
   */
  static boolean encodedPlus(CharSequence text, int at) {
    return at + 2 < text.length() && text.charAt(at) == '%' && text.charAt(at + 1) == '2'
        && (text.charAt(at + 2) == 'B' || text.charAt(at + 2) == 'b');
  }

  /**
   * A number whose {@code +} is at {@code at} and whose digits start at {@code from}; in a URL
   * ({@code encoded}), a {@code +} between its groups is a space.
   */
  private static long international(CharSequence text, int at, int from, boolean encoded) {
    int n = text.length();
    if (from >= n || text.charAt(from) < '1' || text.charAt(from) > '9') {
      return NONE;
    }
    int digits = 0;
    int separators = 0;
    int end = -1;
    char areaStart = 0;
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (CharClasses.isDigit(c)) {
        if (++digits > 15) {
          return NONE;
        }
        if (digits == 2) {
          areaStart = c;
        }
        separators = 0;
        end = i + 1;
      } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || (encoded && c == '+'))
          && ++separators <= 2) {
        continue;
      } else {
        break;
      }
    }
    if (digits < MIN_INTERNATIONAL_DIGITS || CharClasses.alnumAt(text, end)
        || (text.charAt(from) == '1' && !northAmerican(digits, areaStart))) {
      return NONE;
    }
    return Detector.match(at, end);
  }

  /**
   * Country code 1 is the North American plan's: ten digits follow it, the area code's first not 0
   * or 1. So {@code +15000000}, a count's change, is no number.
   */
  private static boolean northAmerican(int digits, char areaStart) {
    return digits == NANP_DIGITS && areaStart >= '2';
  }

  private static long national(CharSequence text, int at) {
    int n = text.length();
    int i = at;
    int digits = 0;
    if (text.charAt(i) == '(') {
      i++;
      int start = i;
      while (i < n && i - start <= 5 && CharClasses.isDigit(text.charAt(i))) {
        i++;
      }
      if (i - start < 2 || i - start > 5 || i >= n || text.charAt(i) != ')') {
        return NONE;
      }
      digits = i - start;
      i++;
      if (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
    }
    int end = -1;
    int groups = 0;
    // 00 is the international prefix: 0044 20 7946 0958 is an E.164 number without its +
    int maxDigits = i + 1 < n && text.charAt(i) == '0' && text.charAt(i + 1) == '0' ? 17 : 12;
    while (i < n && CharClasses.isDigit(text.charAt(i))) {
      int groupStart = i;
      while (i < n && CharClasses.isDigit(text.charAt(i))) {
        if (++digits > maxDigits) {
          return NONE;
        }
        i++;
      }
      if (groups > 0 && i - groupStart < 2) {
        // only a leading trunk or country digit stands alone, as in 1-800-555-0199
        return NONE;
      }
      groups++;
      end = i;
      if (i + 1 < n && isSeparator(text.charAt(i)) && CharClasses.isDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (end < 0 || digits < MIN_DIGITS || CharClasses.alnumAt(text, end) || isoDate(text, at, end, groups)) {
      return NONE;
    }
    if (end + 1 < n && isSeparator(text.charAt(end)) && CharClasses.isDigit(text.charAt(end + 1))) {
      return NONE;
    }
    return CONTEXT.precede(text, at) ? Detector.match(at, end) : NONE;
  }

  /** Between a national number's groups; {@code +} is a space in a form-encoded query string. */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '+';
  }

  private static boolean isoDate(CharSequence text, int start, int end, int groups) {
    return groups == 3 && end - start == 10
        && (text.charAt(start + 4) == '-' || text.charAt(start + 4) == '.')
        && text.charAt(start + 7) == text.charAt(start + 4);
  }
}

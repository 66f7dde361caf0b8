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
 *       1234567}. Only when a context word (tel, phone, sms, mobile, call, fax, cell, msisdn, …)
 *       starts a word or a camel-case word ({@code customerPhone}) shortly before it, since such
 *       numbers are otherwise indistinguishable from ids. A number starting with the
 *       international prefix {@code 00} may have up to 17 digits, one after msisdn up to 15 (an
 *       E.164 number without its {@code +}). A date ({@code 2024-01-15}, {@code 24.11.2026},
 *       {@code 11/24/2026}), a quantity ({@code 1234567 ms}) and a number named by the word right
 *       before it ({@code build 2026112401}, {@code id=1234567}) are never national numbers.
 * </ul>
 */
final class PhoneDetector implements Detector {
  static final List<String> CONTEXT_WORDS =
      List.of("tel", "phone", "sms", "mobile", "call", "fax", "cell", "whatsapp", "msisdn",
          "contactnumber", "contact_number", "contact-number");
  /** Words that start with a context word and are no such word: a city, a protocol, metrics. */
  private static final List<String> OTHER_WORDS =
      List.of("tel-aviv", "tel aviv", "telemetry", "telnet");
  private static final ContextWords CONTEXT = new ContextWords(24, CONTEXT_WORDS, OTHER_WORDS, true);
  /**
   * Words that, right after a number, make it a quantity: a duration, a size or a count ({@code
   * call took 1234567 ms}, {@code sms batch sent 1234567 messages}).
   */
  private static final List<String> UNIT_WORDS = List.of(
      "ns", "us", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
      "h", "hr", "hrs", "hour", "hours", "days", "b", "bytes", "kb", "mb", "gb", "kib", "mib", "gib",
      "messages", "msgs", "items", "records", "rows", "entries", "events", "requests", "calls",
      "times", "attempts", "retries", "users", "files");
  /**
   * Words that, right before a number, name what it is: an identifier or a build ({@code mobile
   * app build 2026112401}, {@code phone_verification id=123 4567 890}).
   */
  private static final List<String> NAMING_WORDS =
      List.of("id", "build", "version", "ver", "release", "revision", "rev");
  private static final String CALLER = "caller";
  /** The longest word of {@link #UNIT_WORDS} and {@link #NAMING_WORDS}. */
  private static final int MAX_WORD = 8;
  /** After msisdn, an E.164 number without its {@code +} may have up to 15 digits. */
  private static final ContextWords MSISDN = new ContextWords(24, List.of("msisdn"), List.of(), true);
  private static final int MAX_NATIONAL_DIGITS = 12;
  private static final int MAX_E164_DIGITS = 15;
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
    // the first three groups' lengths and the two separators between them: a date's shape
    int firstLength = 0;
    int secondLength = 0;
    int thirdLength = 0;
    char firstSeparator = 0;
    char secondSeparator = 0;
    // 00 is the international prefix: 0044 20 7946 0958 is an E.164 number without its +
    boolean internationalPrefix = i + 1 < n && text.charAt(i) == '0' && text.charAt(i + 1) == '0';
    int maxDigits = internationalPrefix ? 17 : MAX_E164_DIGITS;
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
      if (groups == 0) {
        firstLength = i - groupStart;
      } else if (groups == 1) {
        secondLength = i - groupStart;
      } else if (groups == 2) {
        thirdLength = i - groupStart;
      }
      groups++;
      end = i;
      if (i + 1 < n && isSeparator(text.charAt(i)) && CharClasses.isDigit(text.charAt(i + 1))) {
        if (groups == 1) {
          firstSeparator = text.charAt(i);
        } else if (groups == 2) {
          secondSeparator = text.charAt(i);
        }
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
    if (groups >= 3 && CharClasses.isDigit(text.charAt(at)) && firstSeparator == secondSeparator && secondLength == 2 && thirdLength == 4
        && date(text, at, firstLength, firstSeparator)) {
      return NONE;
    }
    if (wordAfter(text, end, UNIT_WORDS) || wordBefore(text, at, NAMING_WORDS)) {
      return NONE;
    }
    if (digits > MAX_NATIONAL_DIGITS && !internationalPrefix) {
      // longer than a national number: an E.164 number without its +, as SMS gateways log it
      return text.charAt(at) != '0' && MSISDN.precede(text, at) ? Detector.match(at, end) : NONE;
    }
    return CONTEXT.precede(text, at) ? Detector.match(at, end) : NONE;
  }

  /** Between a national number's groups; {@code +} is a space in a form-encoded query string. */
  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '+';
  }

  /**
   * Whether the first three groups, starting at {@code at}, are a day, a month and a year in either
   * order ({@code 24.11.2026}, {@code 11/24/2026}, {@code 24-11-2026}), joined by one separator
   * other than a blank; the caller has checked that the second has two digits, the third four.
   */
  private static boolean date(CharSequence text, int at, int firstLength, char separator) {
    if ((separator != '/' && separator != '.' && separator != '-') || firstLength > 2) {
      return false;
    }
    int first = number(text, at, firstLength);
    int second = number(text, at + firstLength + 1, 2);
    int year = number(text, at + firstLength + 4, 4);
    return first >= 1 && second >= 1 && first <= 31 && second <= 31 && (first <= 12 || second <= 12)
        && year >= 1900 && year <= 2199;
  }

  private static int number(CharSequence text, int at, int length) {
    int value = 0;
    for (int k = at; k < at + length; k++) {
      value = value * 10 + (text.charAt(k) - '0');
    }
    return value;
  }

  /** Whether one of {@code words} follows {@code end} after one blank, as a whole word. */
  private static boolean wordAfter(CharSequence text, int end, List<String> words) {
    int n = text.length();
    if (end >= n || text.charAt(end) != ' ') {
      return false;
    }
    int start = end + 1;
    int stop = start;
    while (stop < n && stop - start <= MAX_WORD && CharClasses.isLetter(text.charAt(stop))) {
      stop++;
    }
    return !CharClasses.alnumAt(text, stop) && oneOf(text, start, stop, words);
  }

  /**
   * Whether one of {@code words} ends right before {@code at}, as a whole word or after {@code _}
   * ({@code phone_id}), with at most two of {@code space : = # "} between.
   */
  private static boolean wordBefore(CharSequence text, int at, List<String> words) {
    int stop = at;
    while (stop > 0 && at - stop < 2 && isBetweenNameAndNumber(text.charAt(stop - 1))) {
      stop--;
    }
    if (stop == at) {
      return false;
    }
    int start = stop;
    while (start > 0 && stop - start <= MAX_WORD && CharClasses.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return !CharClasses.alnumBefore(text, start) && oneOf(text, start, stop, words)
        && !callerId(text, start, stop);
  }

  /** Whether {@code [start, stop)} is the id of {@code caller id}, {@code caller_id}: a phone number's name. */
  private static boolean callerId(CharSequence text, int start, int stop) {
    int from = start - CALLER.length() - 1;
    return stop - start == 2 && from >= 0 && CharClasses.startsWithLower(text, from, CALLER)
        && !CharClasses.isAlnum(text.charAt(start - 1));
  }

  private static boolean isBetweenNameAndNumber(char c) {
    return c == ' ' || c == ':' || c == '=' || c == '#' || c == '"';
  }

  private static boolean oneOf(CharSequence text, int start, int end, List<String> words) {
    for (String word : words) {
      if (word.length() == end - start && CharClasses.startsWithLower(text, start, word)) {
        return true;
      }
    }
    return false;
  }


  private static boolean isoDate(CharSequence text, int start, int end, int groups) {
    return groups == 3 && end - start == 10
        && (text.charAt(start + 4) == '-' || text.charAt(start + 4) == '.'
            || text.charAt(start + 4) == '/')
        && text.charAt(start + 7) == text.charAt(start + 4);
  }
}

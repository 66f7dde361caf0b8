package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * Payment card numbers: 13 to 19 digits, bare or in groups of three or more digits separated by
 * single spaces, dashes or plus signs (a space in a form-encoded query string, as access logs
 * write them: {@code card=4111+1111+1111+1111}), whose leading digits are in an issued IIN range
 * for that length ({@link CardIssuers}) and which pass the {@link LuhnCheck}.
 *
 * <p>A run of digit groups no longer than a card is a card only as a whole: a 16-digit reference
 * failing Luhn holds no 12- or 13-digit card in its middle. A grouped run longer than any card
 * ({@code 4111 1111 1111 1111 2024}) is searched for the longest valid card starting at each group
 * (the scan triggers at every group). A bare run of more than 19 digits is a longer number, not a
 * card.
 *
 * <p>A number of one or two digits beside a card is not one of its groups (only a 13- or 14-digit
 * card written in groups of four ends in such a group, {@code 4222 2222 2222 2}): {@code qty 2
 * 4111 1111 1111 1111} and {@code 4111 1111 1111 1111 5 items} hold a card. So does {@code #1
 * 4111-1111-1111-1111}, whose groups are joined by another separator than the number before; a
 * card's groups are joined by one separator throughout.
 *
 * <p>A bare run is no card when it is the value of a key that names an identifier ({@code
 * dd.trace_id=}, {@code "spanId":"}, {@code orderId:}; {@link #namesId}), nor when it has more
 * than {@value #MAX_BARE_DIGITS} digits and no card word ({@code card}, {@code pan}, {@code cc},
 * ...) starts a word within 24 characters before it: decimal 64-bit ids pass Luhn one time in ten.
 */
final class CardDetector implements Detector {
  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;
  static final int MIN_GROUP = 3;

  /**
   * The most digits of a bare card found without a card word before it: longer cards are rare and
   * printed in groups, while 63-bit decimal ids ({@code dd.trace_id}, random longs) have 18 or 19
   * digits and one in ten passes Luhn.
   */
  static final int MAX_BARE_DIGITS = 16;
  /** The longest key name looked back over for {@link #idValue}. */
  private static final int MAX_KEY = 64;
  /** Key names ending in an id glued to a word: {@code traceid}, {@code spanid}. */
  private static final String[] ID_SUFFIXES = {"traceid", "spanid", "parentid"};
  /** Words that make a bare run of more than {@value #MAX_BARE_DIGITS} digits a card. */
  private static final ContextWords CONTEXT = new ContextWords(24,
      List.of("card", "pan", "cc", "credit", "visa", "maestro", "unionpay", "discover"));

  private final CardIssuers issuers = CardIssuers.builtIn();

  @Override
  public String type() {
    return PiiType.CARD.key();
  }

  @Override
  public int triggers() {
    return DIGIT_RUN;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    int n = text.length();
    int count = 0;
    int firstSix = 0;
    int bestEnd = -1;
    int runEnd = at;
    char joiner = 0;
    boolean inFours = true;
    int i = at;
    while (true) {
      int groupStart = i;
      while (i < n && CharClasses.isDigit(text.charAt(i)) && count <= MAX_DIGITS) {
        if (count < 6) {
          firstSix = firstSix * 10 + (text.charAt(i) - '0');
        }
        count++;
        i++;
      }
      if (count > MAX_DIGITS) {
        if (joiner == 0) {
          return NONE;
        }
        break;
      }
      boolean shortGroup = i - groupStart < MIN_GROUP;
      if (i == groupStart || CharClasses.alnumAt(text, i) || (shortGroup && count < MIN_DIGITS)) {
        // glued to a letter, or groups too small for a card ("1 2 3 ...")
        break;
      }
      if (shortGroup && (count > MIN_DIGITS + 1 || !inFours)) {
        // a number beside the run: only a 13- or 14-digit card in groups of four ends in a group
        // this short
        count -= i - groupStart;
        break;
      }
      inFours &= i - groupStart == 4;
      runEnd = i;
      if (count >= MIN_DIGITS && issuers.issued(firstSix, count) && LuhnCheck.passes(text, at, i)) {
        bestEnd = i;
      }
      if (!shortGroup && i + 1 < n && separator(text.charAt(i)) && (joiner == 0 || text.charAt(i) == joiner)
          && CharClasses.isDigit(text.charAt(i + 1))) {
        joiner = text.charAt(i);
        i++;
      } else {
        break;
      }
    }
    if (bestEnd < 0) {
      return NONE;
    }
    int before = digitsBefore(text, at, joiner);
    boolean longerThanACard = before + count > MAX_DIGITS;
    if (!longerThanACard && (before > 0 || bestEnd != runEnd)) {
      return NONE;
    }
    if (joiner == 0 && (idValue(text, at)
        || (bestEnd - at > MAX_BARE_DIGITS && !CONTEXT.precede(text, at)))) {
      return NONE;
    }
    return Detector.match(at, bestEnd);
  }

  /**
   * Whether {@code name} says that its value is an identifier: it is {@code id} or ends in {@code
   * id} after {@code _ . -} ({@code dd.trace_id}, {@code order-id}), in {@code Id} at a camel-case
   * boundary ({@code traceId}), or in one of {@link #ID_SUFFIXES} ({@code traceid}).
   */
  static boolean namesId(CharSequence name) {
    return namesId(name, 0, name.length());
  }

  private static boolean namesId(CharSequence text, int start, int end) {
    int length = end - start;
    if (length < 2 || CharClasses.lower(text.charAt(end - 2)) != 'i'
        || CharClasses.lower(text.charAt(end - 1)) != 'd') {
      return false;
    }
    if (length == 2) {
      return true;
    }
    char before = text.charAt(end - 3);
    if (before == '_' || before == '.' || before == '-'
        || (text.charAt(end - 2) == 'I' && before >= 'a' && before <= 'z')) {
      return true;
    }
    for (String suffix : ID_SUFFIXES) {
      int from = end - suffix.length();
      if (from >= start && (from == start || !CharClasses.isLetter(text.charAt(from - 1)))) {
        boolean same = true;
        for (int k = 0; k < suffix.length() && same; k++) {
          same = CharClasses.lower(text.charAt(from + k)) == suffix.charAt(k);
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the bare run at {@code at} is the value of a key that {@link #namesId}: {@code
   * trace_id=}, {@code "spanId":"}, {@code orderId: }. Looks back a bounded number of characters.
   */
  private static boolean idValue(CharSequence text, int at) {
    int k = skipQuotesAndBlanks(text, at);
    if (k == 0 || (text.charAt(k - 1) != '=' && text.charAt(k - 1) != ':')) {
      return false;
    }
    int keyEnd = skipQuotesAndBlanks(text, k - 1);
    int keyStart = keyEnd;
    while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && keyChar(text.charAt(keyStart - 1))) {
      keyStart--;
    }
    return namesId(text, keyStart, keyEnd);
  }

  private static int skipQuotesAndBlanks(CharSequence text, int at) {
    int k = at;
    while (k > 0 && at - k < 3 && " \"'".indexOf(text.charAt(k - 1)) >= 0) {
      k--;
    }
    return k;
  }

  private static boolean keyChar(char c) {
    return CharClasses.isAlnum(c) || c == '_' || c == '.' || c == '-';
  }

  private static boolean separator(char c) {
    return c == ' ' || c == '-' || c == '+';
  }

  /**
   * The digits of the run's groups before {@code at}, counted up to one more than a card: groups of
   * three or more digits, each joined by a separator ({@code joiner} alone, when not 0).
   */
  private static int digitsBefore(CharSequence text, int at, char joiner) {
    int count = 0;
    int i = at;
    while (i >= 2 && count <= MAX_DIGITS
        && (joiner == 0 ? separator(text.charAt(i - 1)) : text.charAt(i - 1) == joiner)
        && CharClasses.isDigit(text.charAt(i - 2))) {
      int groupEnd = i - 1;
      i = groupEnd;
      while (i > 0 && groupEnd - i <= MAX_DIGITS && CharClasses.isDigit(text.charAt(i - 1))) {
        i--;
      }
      if (groupEnd - i < MIN_GROUP) {
        break; // a number beside the run, not one of its groups
      }
      count += groupEnd - i;
    }
    return count;
  }
}

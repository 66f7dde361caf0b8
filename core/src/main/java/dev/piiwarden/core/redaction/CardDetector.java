package dev.piiwarden.core.redaction;

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
 */
final class CardDetector implements Detector {
  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;
  static final int MIN_GROUP = 3;

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
    boolean grouped = false;
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
        if (!grouped) {
          return NONE;
        }
        break;
      }
      if (i == groupStart || CharClasses.alnumAt(text, i)
          || (i - groupStart < MIN_GROUP && count < MIN_DIGITS)) {
        // glued to a letter, or groups too small for a card ("1 2 3 ...")
        break;
      }
      runEnd = i;
      if (count >= MIN_DIGITS && issuers.issued(firstSix, count) && LuhnCheck.passes(text, at, i)) {
        bestEnd = i;
      }
      if (i + 1 < n && separator(text.charAt(i)) && CharClasses.isDigit(text.charAt(i + 1))) {
        grouped = true;
        i++;
      } else {
        break;
      }
    }
    if (bestEnd < 0) {
      return NONE;
    }
    int before = digitsBefore(text, at);
    boolean longerThanACard = before + count > MAX_DIGITS;
    if (!longerThanACard && (before > 0 || bestEnd != runEnd)) {
      return NONE;
    }
    return Detector.match(at, bestEnd);
  }

  private static boolean separator(char c) {
    return c == ' ' || c == '-' || c == '+';
  }

  /** The digits of the run's groups before {@code at}, counted up to one more than a card. */
  private static int digitsBefore(CharSequence text, int at) {
    int count = 0;
    int i = at;
    while (i >= 2 && count <= MAX_DIGITS
        && separator(text.charAt(i - 1))
        && CharClasses.isDigit(text.charAt(i - 2))) {
      i -= 1;
      while (i > 0 && count <= MAX_DIGITS && CharClasses.isDigit(text.charAt(i - 1))) {
        count++;
        i--;
      }
    }
    return count;
  }
}

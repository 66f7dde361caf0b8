package dev.piiwarden.core.redaction;

/** The Luhn (mod 10) check digit test of payment card numbers. */
final class LuhnCheck {
  private LuhnCheck() {}

  /** Whether the digits in {@code text[start, end)}, separators skipped, pass the Luhn check. */
  static boolean passes(CharSequence text, int start, int end) {
    int sum = 0;
    boolean doubled = false;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (!CharClasses.isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}

package dev.piiwarden.core.redaction;

/**
 * The ISO 7064 MOD 97-10 check of IBANs: country and check digits moved to the end, letters
 * counted as 10 to 35.
 */
final class Mod97Check {
  private Mod97Check() {}

  /**
   * Whether the IBAN in {@code text[start, end)}, single spaces skipped, has a remainder of 1.
   * The caller has checked that it holds only letters, digits and spaces.
   */
  static boolean passes(CharSequence text, int start, int end) {
    int remainder = 0;
    int seen = 0;
    // the BBAN first, then the four leading characters
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '+') {
        continue;
      }
      if (seen++ >= 4) {
        remainder = step(remainder, c);
      }
    }
    seen = 0;
    for (int i = start; i < end && seen < 4; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '+') {
        remainder = step(remainder, c);
        seen++;
      }
    }
    return remainder == 1;
  }

  private static int step(int remainder, char c) {
    if (CharClasses.isDigit(c)) {
      return (remainder * 10 + (c - '0')) % 97;
    }
    int value = Character.toUpperCase(c) - 'A' + 10;
    return (remainder * 100 + value) % 97;
  }
}

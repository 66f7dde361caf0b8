package dev.piiwarden.core.redaction;

/**
 * International bank account numbers: a country code (upper case, or lower case as typed into a
 * form and logged as it came), two check digits and the BBAN,
 * bare or in groups separated by single spaces (or plus signs, spaces in a form-encoded query
 * string), exactly as long as the country's IBAN ({@link IbanCountries}), passing {@link
 * Mod97Check}. Nothing may touch the last character but a non-alphanumeric one.
 */
final class IbanDetector implements Detector {
  private final IbanCountries countries = IbanCountries.builtIn();

  @Override
  public String type() {
    return PiiType.IBAN.key();
  }

  @Override
  public int triggers() {
    return WORD_START;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    int n = text.length();
    if (at + 4 > n
        || !CharClasses.isDigit(text.charAt(at + 2))
        || !CharClasses.isDigit(text.charAt(at + 3))) {
      return NONE;
    }
    int length = countries.length(text.charAt(at), text.charAt(at + 1));
    if (length == 0) {
      return NONE;
    }
    int count = 0;
    int i = at;
    while (i < n && count < length) {
      char c = text.charAt(i);
      if (CharClasses.is(c, CharClasses.DIGIT | CharClasses.LETTER)) {
        count++;
        i++;
      } else if ((c == ' ' || c == '+') && count >= 4 && i + 1 < n
          && CharClasses.is(text.charAt(i + 1), CharClasses.DIGIT | CharClasses.LETTER)) {
        i++;
      } else {
        break;
      }
    }
    if (count != length || CharClasses.alnumAt(text, i) || !Mod97Check.passes(text, at, i)) {
      return NONE;
    }
    return Detector.match(at, i);
  }
}

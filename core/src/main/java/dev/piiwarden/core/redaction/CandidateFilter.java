package dev.piiwarden.core.redaction;

/**
 * Which built-in detectors could match somewhere in a text: one tight pass that establishes, for
 * each detector, a condition every one of its matches implies, so that the scan calls only the
 * detectors whose condition holds, and text that holds none of the shapes is done after this
 * pass. Most characters (letters, blanks, punctuation) cost one table look-up, in a small loop of
 * their own that the pass leaves only at a character it looks at; a run of digits is taken whole,
 * in another; the run's start, colons and a few rare characters look back or ahead a bounded
 * number of characters.
 *
 * <p>The conditions, each implied by every match of its detector:
 *
 * <ul>
 *   <li>email: an {@code @} or a {@code %40}; URL user information: an {@code @} and a {@code //},
 *       or an {@code @} at most {@value OracleConnectString#MAX_USER_PASSWORD} characters after a
 *       {@code /} (an Oracle connect string's {@code user/password@});
 *   <li>card, SSN, phone: a cluster of at least {@value CardDetector#MIN_DIGITS}, {@value
 *       SsnDetector#DIGITS} or {@value PhoneDetector#MIN_DIGITS} ASCII digits, a cluster being
 *       digits one to the next with at most two of {@code space - . / ( )} between them (a
 *       superset of the separators each of these detectors allows inside a value);
 *   <li>IPv4: four runs of digits joined by single dots ({@code 1.2.3.4});
 *   <li>IPv6: two colons with at most four hex digits between them ({@code ::} or {@code :db8:});
 *   <li>IBAN: two ASCII letters of one case followed by two digits (country and check digits);
 *   <li>credential: an {@code =} or a {@code :} (what follows a key), a {@code >} right after a
 *       letter (an XML element's, {@code <password>}), or {@code bearer } or {@code basic } in any
 *       case (the bare {@code Bearer token} and {@code Basic token}), or {@code eyJ} (a bare JSON
 *       Web Token's start), or a {@code _} ending a secret token's prefix ({@code ghp_}, {@code
 *       sk_live_}), or a digit run after two capitals in a word that starts with {@code AKIA} or
 *       {@code ASIA} (an AWS key id with a digit; see {@link SecretTokens}), or a {@code '} after
 *       a blank after a {@code d} or {@code y} (an SQL string after {@code PASSWORD} or {@code
 *       IDENTIFIED BY}) or after {@code value} (Spring Boot's {@code with value 'x'}), or a {@code -} at a flag's start (see {@link CommandLineFlags}) followed
 *       by a {@code p} or by a {@code -} and a letter ({@code -pS3cret}, {@code --password x}).
 * </ul>
 *
 * <p>The colon of a mask, {@code [REDACTED:<type>]}, need not count for credentials: the key a
 * credential match needs would end at the mask's {@code D}, and keys hold no {@code [}, so it would
 * be a suffix of {@code redacted}. When no configured key is ({@link #masksHoldNoKey}), text that
 * a redaction produced from clean text and masks is done after this pass too, where otherwise the
 * key automaton would run over it for the colons of its masks.
 */
final class CandidateFilter {
  static final int CARD = 1;
  static final int IBAN = 1 << 1;
  static final int SSN = 1 << 2;
  static final int EMAIL = 1 << 3;
  static final int PHONE = 1 << 4;
  static final int IPV4 = 1 << 5;
  static final int IPV6 = 1 << 6;
  static final int CREDENTIAL = 1 << 7;
  static final int USER_INFO = 1 << 8;
  static final int ALL = (1 << 9) - 1;
  /**
   * Not a detector's: a {@code %} somewhere in the text, told by {@link #shapesOf} alongside the
   * detector bits (a text without one, and every text made of its parts and masks, has no
   * {@code %40} either).
   */
  static final int PERCENT_SIGN = 1 << 9;

  /** What a character asks of the pass; 0 for nothing (most characters). */
  private static final int DIGIT = 1;
  private static final int COLON = 2;
  private static final int AT = 3;
  private static final int KEY_END = 4;
  private static final int PERCENT = 5;
  private static final int LETTER_B = 6;
  private static final int SLASH = 7;
  private static final int TAG_END = 8;
  private static final int LETTER_J = 9;
  private static final int UNDERSCORE = 10;
  private static final int QUOTE = 11;
  private static final int DASH = 12;

  private static final byte[] KIND = new byte[128];

  /** Further apart than any cluster gap, dotted quad or IPv6 group allows. */
  private static final int FAR = -16;

  private static final String BEARER_REST = "earer ";
  private static final String BASIC_REST = "asic ";
  /** What comes before the quoted value of Spring Boot's {@code Property x.password with value 'x'}. */
  private static final String VALUE = "value";
  /** What comes before the colon of a mask. */
  private static final String MASK_LABEL = "[REDACTED";

  static {
    for (char c = '0'; c <= '9'; c++) {
      KIND[c] = DIGIT;
    }
    KIND[':'] = COLON;
    KIND['@'] = AT;
    KIND['='] = KEY_END;
    KIND['%'] = PERCENT;
    KIND['b'] = LETTER_B;
    KIND['B'] = LETTER_B;
    KIND['/'] = SLASH;
    KIND['>'] = TAG_END;
    KIND['J'] = LETTER_J;
    KIND['_'] = UNDERSCORE;
    KIND['\''] = QUOTE;
    KIND['-'] = DASH;
  }

  private CandidateFilter() {}

  /** The detector bits whose condition holds somewhere in {@code text}; every colon counts. */
  static int candidates(CharSequence text) {
    return candidates(text, false);
  }

  /**
   * Whether a credential match can never use the colon of a mask: no key of {@code keys} (the
   * scan's automaton, null when credentials are not detected) is a suffix of {@code redacted}.
   */
  static boolean masksHoldNoKey(KeyAutomaton keys) {
    return keys == null || !keys.endsWithKey(MASK_LABEL.substring(1));
  }

  /**
   * The detector bits whose condition holds somewhere in {@code text}.
   *
   * @param masksHoldNoKey whether the colon of a mask is left out of the credential condition:
   *     only when {@link #masksHoldNoKey(KeyAutomaton)} holds for the scan's keys
   */
  static int candidates(CharSequence text, boolean masksHoldNoKey) {
    return shapesOf(text, masksHoldNoKey) & ALL;
  }

  /** {@link #candidates(CharSequence, boolean)}, and {@link #PERCENT_SIGN} when the text holds a {@code %}. */
  static int shapesOf(CharSequence text, boolean masksHoldNoKey) {
    int n = text.length();
    int found = 0;
    int lastDigit = FAR;
    int cluster = 0;
    int longestCluster = 0;
    int dots = 0;
    int mostDots = 0;
    int lastColon = FAR;
    boolean at = false;
    boolean slashes = false;
    int lastSlash = FAR - OracleConnectString.MAX_USER_PASSWORD;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int kind = c < 128 ? KIND[c] : 0;
      if (kind == 0) {
        // the common case, kept to a loop small enough for the JIT to make tight
        while (++i < n) {
          c = text.charAt(i);
          if (c < 128 && KIND[c] != 0) {
            break;
          }
        }
        if (i >= n) {
          break;
        }
        kind = KIND[c];
      }
      if (kind == DIGIT) {
        // a run of digits at once: its digits extend the cluster, its start decides the rest
        int end = i + 1;
        while (end < n && CharClasses.isDigit(text.charAt(end))) {
          end++;
        }
        int length = end - i;
        dots = lastDigit == i - 2 && text.charAt(i - 1) == '.' ? dots + 1 : 0;
        mostDots = Math.max(mostDots, dots);
        cluster = lastDigit >= i - 3 && separators(text, lastDigit + 1, i) ? cluster + length : length;
        longestCluster = Math.max(longestCluster, cluster);
        if (i >= 2 && countryCase(text.charAt(i - 2), text.charAt(i - 1))) {
          if (length >= 2) {
            found |= IBAN;
          }
          if (text.charAt(i - 1) <= 'Z' && SecretTokens.awsKeyIdAround(text, i)) {
            found |= CREDENTIAL;
          }
        }
        lastDigit = end - 1;
        i = end;
        continue;
      }
      switch (kind) {
        case COLON:
          if (lastColon >= i - 5 && hexDigits(text, lastColon + 1, i)) {
            found |= IPV6;
          }
          lastColon = i;
          if (!masksHoldNoKey || !afterMaskLabel(text, i)) {
            found |= CREDENTIAL;
          }
          break;
        case AT:
          at = true;
          found |= i - lastSlash <= OracleConnectString.MAX_USER_PASSWORD ? EMAIL | USER_INFO : EMAIL;
          break;
        case SLASH:
          slashes |= i > 0 && text.charAt(i - 1) == '/';
          lastSlash = i;
          break;
        case KEY_END:
          found |= CREDENTIAL;
          break;
        case TAG_END:
          if (i > 0 && CharClasses.is(text.charAt(i - 1), CharClasses.LETTER)) {
            found |= CREDENTIAL;
          }
          break;
        case PERCENT:
          found |= PERCENT_SIGN;
          if (i + 2 < n && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0') {
            found |= EMAIL;
          }
          break;
        case LETTER_J:
          if (i >= 2 && text.charAt(i - 1) == 'y' && text.charAt(i - 2) == 'e') {
            found |= CREDENTIAL;
          }
          break;
        case UNDERSCORE:
          if (i >= 3 && secretPrefixEnd(text.charAt(i - 1)) && SecretTokens.prefixEndsAt(text, i)) {
            found |= CREDENTIAL;
          }
          break;
        case DASH:
          if (i + 1 < n && flagLetter(text, i + 1) && CommandLineFlags.flagStart(text, i)) {
            found |= CREDENTIAL;
          }
          break;
        case QUOTE:
          if (i >= 2 && text.charAt(i - 1) == ' '
              && (sqlKeyEnd(text.charAt(i - 2)) || (i >= 7 && CharClasses.startsWithLower(text, i - 6, VALUE)))) {
            found |= CREDENTIAL;
          }
          break;
        default: // LETTER_B
          if (CharClasses.startsWithLower(text, i + 1, BEARER_REST) || CharClasses.startsWithLower(text, i + 1, BASIC_REST)) {
            found |= CREDENTIAL;
          }
          break;
      }
      i++;
    }
    return found | digitCandidates(longestCluster, mostDots) | (at && slashes ? USER_INFO : 0);
  }

  private static int digitCandidates(int longestCluster, int mostDots) {
    int found = mostDots >= 3 ? IPV4 : 0;
    if (longestCluster >= PhoneDetector.MIN_DIGITS) {
      found |= PHONE;
      if (longestCluster >= SsnDetector.DIGITS) {
        found |= SSN;
        if (longestCluster >= CardDetector.MIN_DIGITS) {
          found |= CARD;
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code c} can end a key before a blank and an SQL string: {@code PASSWORD 'x'}, {@code
   * IDENTIFIED BY 'x'}.
   */
  private static boolean sqlKeyEnd(char c) {
    char lower = CharClasses.lower(c);
    return lower == 'd' || lower == 'y';
  }

  /**
   * Whether what follows a flag's {@code -} at {@code next} can start a credential flag: a {@code
   * p} ({@code -pS3cret}, {@code -p S3cret}) or a {@code -} and a letter ({@code --password x}).
   */
  private static boolean flagLetter(CharSequence text, int next) {
    char c = text.charAt(next);
    return c == 'p' || (c == '-' && next + 1 < text.length() && CharClasses.isLetter(text.charAt(next + 1)));
  }

  /** Whether {@code c} can end what comes before a secret token prefix's {@code _}: ghp, github_pat, sk_live. */
  private static boolean secretPrefixEnd(char c) {
    return c == 'p' || c == 'o' || c == 'u' || c == 's' || c == 'r' || c == 't' || c == 'e';
  }

  /** Whether {@code [from, to)} holds only separators a digit cluster may have inside it. */
  private static boolean separators(CharSequence text, int from, int to) {
    for (int k = from; k < to; k++) {
      switch (text.charAt(k)) {
        case ' ': case '-': case '.': case '/': case '(': case ')': case '+':
          break;
        default:
          return false;
      }
    }
    return true;
  }

  private static boolean hexDigits(CharSequence text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!CharClasses.is(text.charAt(k), CharClasses.HEX)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the colon at {@code colon} is a mask's: {@code [REDACTED} right before it. */
  private static boolean afterMaskLabel(CharSequence text, int colon) {
    int from = colon - MASK_LABEL.length();
    if (from < 0 || text.charAt(colon - 1) != 'D') {
      return false;
    }
    for (int k = 0; k < MASK_LABEL.length(); k++) {
      if (text.charAt(from + k) != MASK_LABEL.charAt(k)) {
        return false;
      }
    }
    return true;
  }


  /** Two ASCII letters of one case, as an IBAN's country code is written. */
  private static boolean countryCase(char first, char second) {
    return (first >= 'A' && first <= 'Z' && second >= 'A' && second <= 'Z')
        || (first >= 'a' && first <= 'z' && second >= 'a' && second <= 'z');
  }
}

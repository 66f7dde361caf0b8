package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * Secrets whose shape names them without a key: a service's prefix and a fixed alphabet and
 * length. GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} and
 * 36 letters and digits; {@code github_pat_} and 22 or more), Stripe live keys ({@code sk_live_},
 * {@code rk_live_} and 24 or more letters and digits), AWS access key ids ({@code AKIA} or {@code
 * ASIA} and 16 capitals and digits, at least one a digit) and Google API keys ({@code AIza} and 35
 * of {@code A-Z a-z 0-9 _ -}, as the value after an {@code =} or {@code :}: {@code key=AIza…}).
 * Prefixes are case-sensitive and start a word.
 *
 * <p>The prefixes are key names of the credential scan's automaton, so looking for them costs the
 * scan nothing more. The first pass ({@link CandidateFilter}) finds them at what it already looks
 * at: the {@code _} of a GitHub or Stripe prefix, the two capitals before an AWS key id's first
 * digit run (which also make an IBAN's shape), the {@code =} or {@code :} before a Google key.
 */
final class SecretTokens {
  static final List<String> PREFIXES = List.of(
      "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "sk_live_", "rk_live_", "AKIA", "ASIA",
      "AIza");
  /** What comes before the {@code _} that a prefix of {@link #PREFIXES} ends with. */
  private static final List<String> BEFORE_UNDERSCORE = List.of(
      "ghp", "gho", "ghu", "ghs", "ghr", "github_pat", "sk_live", "rk_live");
  private static final int GITHUB_TOKEN = 36;
  private static final int MIN_GITHUB_PAT = 22;
  private static final int MIN_STRIPE_KEY = 24;
  private static final int AWS_KEY_ID = 16;
  private static final int GOOGLE_API_KEY = 35;
  /** The longest token read: well over any of these services' lengths. */
  private static final int MAX_TOKEN = 255;

  private SecretTokens() {}

  /** Whether the key {@code [keyStart, keyEnd)} the automaton found is one of {@link #PREFIXES}, in any case. */
  static boolean isPrefix(CharSequence text, int keyStart, int keyEnd) {
    for (String prefix : PREFIXES) {
      if (keyEnd - keyStart == prefix.length() && sameIgnoringCase(text, keyStart, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The token whose prefix is {@code [keyStart, keyEnd)}, or {@link Detector#NONE}. */
  static long match(CharSequence text, int keyStart, int keyEnd) {
    if (CharClasses.alnumBefore(text, keyStart) || text.length() < keyEnd) {
      return Detector.NONE;
    }
    char first = text.charAt(keyStart);
    if (first == 'g' && CharClasses.startsWith(text, keyStart, "github_pat_")) {
      return body(text, keyStart, keyEnd, MIN_GITHUB_PAT, MAX_TOKEN, true);
    }
    if (first == 'g' && CharClasses.startsWith(text, keyStart, "gh")
        && keyEnd - keyStart == 4 && text.charAt(keyStart + 3) == '_') {
      return body(text, keyStart, keyEnd, GITHUB_TOKEN, GITHUB_TOKEN, false);
    }
    if ((first == 's' || first == 'r') && CharClasses.startsWith(text, keyStart + 1, "k_live_")) {
      return body(text, keyStart, keyEnd, MIN_STRIPE_KEY, MAX_TOKEN, false);
    }
    if (CharClasses.startsWith(text, keyStart, "AKIA") || CharClasses.startsWith(text, keyStart, "ASIA")) {
      return awsKeyId(text, keyStart, keyEnd);
    }
    if (CharClasses.startsWith(text, keyStart, "AIza") && afterAssignment(text, keyStart)) {
      return googleApiKey(text, keyStart, keyEnd);
    }
    return Detector.NONE;
  }

  /**
   * For the first pass: whether a prefix of {@link #PREFIXES} ends with the {@code _} at {@code
   * underscore}.
   */
  static boolean prefixEndsAt(CharSequence text, int underscore) {
    for (String before : BEFORE_UNDERSCORE) {
      if (CharClasses.startsWith(text, underscore - before.length(), before)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For the first pass, at a digit run starting at {@code run} after two capitals: whether the
   * word of capitals and digits it is part of starts with {@code AKIA} or {@code ASIA} within an
   * AWS key id's length.
   */
  static boolean awsKeyIdAround(CharSequence text, int run) {
    int start = run;
    while (start > 0 && run - start <= AWS_KEY_ID + 4 && capitalOrDigit(text.charAt(start - 1))) {
      start--;
    }
    return !CharClasses.alnumBefore(text, start)
        && (CharClasses.startsWith(text, start, "AKIA") || CharClasses.startsWith(text, start, "ASIA"));
  }

  private static long body(CharSequence text, int start, int from, int min, int max, boolean underscore) {
    int n = text.length();
    int end = from;
    while (end < n && end - from <= max && (CharClasses.isAlnum(text.charAt(end))
        || (underscore && text.charAt(end) == '_'))) {
      if (text.charAt(end) >= 128) {
        return Detector.NONE;
      }
      end++;
    }
    int length = end - from;
    if (length < min || length > max || (end < n && text.charAt(end) == '_')) {
      return Detector.NONE;
    }
    return Detector.match(start, end);
  }

  private static long awsKeyId(CharSequence text, int start, int from) {
    int n = text.length();
    int end = from;
    boolean digit = false;
    while (end < n && end - from <= AWS_KEY_ID && capitalOrDigit(text.charAt(end))) {
      digit |= CharClasses.isDigit(text.charAt(end));
      end++;
    }
    if (end - from != AWS_KEY_ID || !digit || CharClasses.alnumAt(text, end)
        || (end < n && text.charAt(end) == '_')) {
      return Detector.NONE;
    }
    return Detector.match(start, end);
  }

  private static long googleApiKey(CharSequence text, int start, int from) {
    int n = text.length();
    int end = from;
    while (end < n && end - from <= GOOGLE_API_KEY && googleKeyChar(text.charAt(end))) {
      end++;
    }
    if (end - from != GOOGLE_API_KEY || CharClasses.alnumAt(text, end)) {
      return Detector.NONE;
    }
    return Detector.match(start, end);
  }

  /** Whether an {@code =} or {@code :} comes before {@code at}, past at most one quote and blanks. */
  private static boolean afterAssignment(CharSequence text, int at) {
    int k = at - 1;
    if (k >= 0 && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
      k--;
    }
    while (k >= 0 && at - k <= 4 && text.charAt(k) == ' ') {
      k--;
    }
    return k >= 0 && (text.charAt(k) == '=' || text.charAt(k) == ':');
  }

  private static boolean googleKeyChar(char c) {
    return c < 128 && (CharClasses.isAlnum(c) || c == '_' || c == '-');
  }

  private static boolean capitalOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || CharClasses.isDigit(c);
  }

  private static boolean sameIgnoringCase(CharSequence text, int start, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (CharClasses.lower(text.charAt(start + k)) != CharClasses.lower(word.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}

package dev.piiwarden.core.redaction;

/**
 * The parameters of an {@code Authorization} header's scheme (RFC 7235's auth-param list): {@code
 * Digest username="bob", realm="x", nonce="…", response="…"}, OAuth 1.0's {@code oauth_signature="…"},
 * AWS Signature Version 4's {@code Credential=…, SignedHeaders=…, Signature=…}. The response and
 * signatures are what a replay needs, and the other parameters name the user, so the whole list
 * is the credential, from its first name to its last value. A value is a token or a quoted string
 * (also with escaped quotes, inside a JSON string: {@code \"bob\"}); the list is read for at most
 * {@value #MAX_LIST} characters.
 */
final class AuthParams {
  static final int MAX_LIST = 4 * CredentialDetector.MAX_QUOTED;

  private AuthParams() {}

  /**
   * The parameter list starting at {@code start}, or {@link Detector#NONE} when no {@code
   * name=value} starts there (a token68 such as Base64 {@code dXNlcjpwYXNz=} is none).
   */
  static long list(CharSequence text, int start) {
    int n = text.length();
    int limit = Math.min(n, start + MAX_LIST);
    int end = -1;
    int k = start;
    while (true) {
      int name = k;
      while (k < limit && isTokenChar(text.charAt(k))) {
        k++;
      }
      if (k == name || k + 1 >= limit || text.charAt(k) != '=') {
        break;
      }
      int valueEnd = value(text, k + 1, limit);
      if (valueEnd < 0) {
        break;
      }
      end = valueEnd;
      k = valueEnd;
      while (k < limit && text.charAt(k) == ' ') {
        k++;
      }
      if (k >= limit || text.charAt(k) != ',') {
        break;
      }
      k++;
      while (k < limit && text.charAt(k) == ' ') {
        k++;
      }
    }
    return end < 0 ? Detector.NONE : Detector.match(start, end);
  }

  /** The end of the value at {@code start}: a quoted string's closing quote, or a token's end; -1 for none. */
  private static int value(CharSequence text, int start, int limit) {
    char first = text.charAt(start);
    if (first == '"' || (first == '\\' && start + 1 < limit && text.charAt(start + 1) == '"')) {
      boolean escapedQuotes = first == '\\';
      for (int k = start + (escapedQuotes ? 2 : 1); k < limit; k++) {
        char c = text.charAt(k);
        if (escapedQuotes) {
          if (c == '\\' && k + 1 < limit && text.charAt(k + 1) == '"') {
            return k + 2;
          }
          if (c == '"') {
            return -1; // the JSON string ends inside the value
          }
        } else if (c == '\\') {
          k++;
        } else if (c == '"') {
          return k + 1;
        }
      }
      return -1;
    }
    int k = start;
    while (k < limit && isValueChar(text.charAt(k))) {
      k++;
    }
    return k > start ? k : -1;
  }

  /** A token character (RFC 7230's tchar) but {@code =}-free, as a parameter's name is. */
  private static boolean isTokenChar(char c) {
    return CharClasses.is(c, CharClasses.LETTER | CharClasses.DIGIT) || c == '-' || c == '_'
        || c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '*'
        || c == '+' || c == '^' || c == '`' || c == '|' || c == '~' || c == '\'';
  }

  /**
   * What an unquoted value holds: a token, with the {@code / = :} of credentials and Base64 and
   * the {@code ;} of a list ({@code SignedHeaders=host;range}).
   */
  private static boolean isValueChar(char c) {
    return isTokenChar(c) || c == '/' || c == '=' || c == ':' || c == ';';
  }
}

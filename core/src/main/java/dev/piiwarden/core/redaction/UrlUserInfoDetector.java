package dev.piiwarden.core.redaction;

/**
 * The password in the user information of a URL: {@code postgres://app:s3cret@db.example.com/x},
 * {@code redis://:s3cret@cache:6379}, up to the last {@code @} before the host when the password
 * holds one ({@code //app:p@ss@db}); and the password of an Oracle connect string ({@link
 * OracleConnectString}, {@code scott/tiger@//dbhost:1521/ORCL}). Only the password is replaced;
 * the user and host stay. The look-back from the {@code @} and the look-ahead from it are bounded
 * by {@value #MAX_USER_INFO} characters.
 */
final class UrlUserInfoDetector implements Detector {
  static final int MAX_USER_INFO = 256;

  @Override
  public String type() {
    return PiiType.CREDENTIAL.key();
  }

  @Override
  public int triggers() {
    return AT_SIGN;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    int passwordStart = passwordStart(text, at);
    if (passwordStart >= 0) {
      return Detector.match(passwordStart, passwordEnd(text, at));
    }
    passwordStart = OracleConnectString.passwordStart(text, at);
    return passwordStart < 0 ? NONE : Detector.match(passwordStart, at);
  }

  /**
   * Where the password whose user information has its first {@code @} at {@code at} ends: at the
   * last {@code @} before the host ends (a password written with an {@code @} in it, {@code
   * //app:p@ss@db:5432}, not encoded as URLs would have it), looked for up to {@value
   * #MAX_USER_INFO} characters on.
   */
  static int passwordEnd(CharSequence text, int at) {
    int limit = Math.min(text.length(), at + 1 + MAX_USER_INFO);
    int end = at;
    for (int k = at + 1; k < limit; k++) {
      char c = text.charAt(k);
      if (c == '@') {
        end = k;
      } else if (c == '/' || c == '?' || c == '#' || endsUserInfo(c) && c != ':') {
        break;
      }
    }
    return end;
  }

  /**
   * The first {@code @} after a password that starts at {@code start} and follows a {@code
   * //user:}, or -1: a credential key as the user ({@code https://x-access-token:TOKEN@github.com})
   * has its value end there, not at the next blank.
   */
  static int atAfterPassword(CharSequence text, int start) {
    int limit = Math.min(text.length(), start + MAX_USER_INFO);
    for (int k = start; k < limit; k++) {
      char c = text.charAt(k);
      if (c == '@') {
        return k > start && passwordStart(text, k) == start ? k : -1;
      }
      if (endsUserInfo(c)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where the password of a {@code //user:password@} ending at {@code at} starts, or -1 when the
   * {@code @} does not end URL user information with a password.
   */
  static int passwordStart(CharSequence text, int at) {
    int limit = Math.max(0, at - MAX_USER_INFO);
    int colon = at - 1;
    while (colon >= limit && !endsUserInfo(text.charAt(colon))) {
      colon--;
    }
    if (colon < limit || colon == at - 1 || text.charAt(colon) != ':') {
      return -1;
    }
    int slash = colon - 1;
    while (slash >= limit && !endsUserInfo(text.charAt(slash))) {
      slash--;
    }
    if (slash < 1 || text.charAt(slash) != '/' || text.charAt(slash - 1) != '/') {
      return -1;
    }
    return colon + 1;
  }

  private static boolean endsUserInfo(char c) {
    return c == ':' || c == '/' || c == '@' || c <= ' ' || c == '"' || c == '\'' || c == '<'
        || c == '>';
  }
}

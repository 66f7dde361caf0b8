package dev.piiwarden.core.redaction;

/**
 * The password in the user information of a URL: {@code postgres://app:s3cret@db.example.com/x},
 * {@code redis://:s3cret@cache:6379}. Only the password is replaced; the user and host stay. The
 * look-back from the {@code @} is bounded by {@value #MAX_USER_INFO} characters.
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
    return passwordStart < 0 ? NONE : Detector.match(passwordStart, at);
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

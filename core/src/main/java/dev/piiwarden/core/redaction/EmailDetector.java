package dev.piiwarden.core.redaction;

/**
 * Email addresses: a local part of letters, digits and {@code . _ % + -} (no leading, trailing or
 * doubled dot; of a longer run, the last 64 characters), an {@code @}, and a domain of at least two
 * labels of letters, digits and inner hyphens (1 to 63 each, 253 in all) whose last label has a
 * real top-level domain shape: 2 to 63 letters, or an IDN {@code xn--} label, and not one of the
 * {@link NonTopLevelDomains} ({@code getty@tty1.service}). So a Java identity hash such as {@code
 * Foo@1b6d3586} is not an address. Letters and digits outside ASCII count as letters and digits,
 * in the local part (RFC 6531: {@code josé@example.com}) and in the domain ({@code bücher.de},
 * {@code пример.рф}). Quoted local parts and address literals are
 * not taken, nor the {@code password@host} of a URL's {@code //user:password@host} ({@link
 * UrlUserInfoDetector}). In URLs and form bodies the {@code @} may be encoded: {@code
 * bob%40example.com} is an address too.
 */
final class EmailDetector implements Detector {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  private static final int MAX_LABEL = 63;

  @Override
  public String type() {
    return PiiType.EMAIL.key();
  }

  @Override
  public int triggers() {
    return AT_SIGN | ENCODED_AT;
  }

  @Override
  public long detect(CharSequence text, int at, int localStart) {
    boolean encoded = text.charAt(at) == '%';
    // RFC 5321 allows 64 characters; a longer run is taken for its last 64, which also bounds
    // the work per trigger when runs such as a%40a.a%40a... never end
    int start = Math.max(afterColourCode(text, localStart, at), at - MAX_LOCAL);
    while (start < at && text.charAt(start) == '.') {
      start++;
    }
    if (start == at || text.charAt(at - 1) == '.') {
      return NONE;
    }
    if (!encoded && start > 0 && text.charAt(start - 1) == ':'
        && UrlUserInfoDetector.passwordStart(text, at) >= 0) {
      // //user:password@host is a URL's user information, not an address
      return NONE;
    }
    if (!encoded && start > 0 && text.charAt(start - 1) == '/'
        && OracleConnectString.passwordStart(text, at) == start) {
      return NONE; // user/password@host, an Oracle connect string
    }
    if (!encoded && start > 0 && text.charAt(start - 1) == '@'
        && UrlUserInfoDetector.passwordStart(text, start - 1) >= 0) {
      return NONE; // //user:p@ss@host: the rest of a password with an @ in it
    }
    for (int i = start + 1; i < at; i++) {
      if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
        return NONE;
      }
    }
    int end = domainEnd(text, at + (encoded ? 3 : 1));
    if (end < 0 || locationAt(text, end)) {
      return NONE;
    }
    return Detector.match(start, end);
  }

  /**
   * Whether a {@code :} and a location's rest follow the domain ending at {@code end}: then {@code
   * user@host} is a location, scp's and ssh's {@code git@github.com:acme/orders.git} (a path with a
   * {@code /}) or a URL's user and host before a port ({@code akka://orders@orders-0.svc.local:2552}),
   * not an address. The rest is read up to a blank, a quote or an angle bracket, at most {@value
   * UrlUserInfoDetector#MAX_USER_INFO} characters, and stops at an {@code @} (so the scan reads
   * each character once more at most): {@code //jane@x.com:pw@host} is user information whose
   * user is an address, and {@code bob@example.com: please call} and {@code jane@x.com:hunter2}
   * (a user and password) are addresses.
   */
  private static boolean locationAt(CharSequence text, int end) {
    int n = text.length();
    if (end + 1 >= n || text.charAt(end) != ':') {
      return false;
    }
    int limit = Math.min(n, end + 1 + UrlUserInfoDetector.MAX_USER_INFO);
    int port = end + 1;
    while (port < limit && CharClasses.isDigit(text.charAt(port))) {
      port++;
    }
    boolean location = port > end + 1 && !CharClasses.alnumAt(text, port);
    int k = end + 1;
    for (; k < limit; k++) {
      char c = text.charAt(k);
      if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\'
          || Character.isWhitespace(c)) {
        break;
      }
      if (c == '@') {
        return false;
      }
      location |= c == '/';
    }
    return location;
  }

  /**
   * The local part start to give {@link #detect} for a trigger at {@code at}, found by looking back
   * from it: after the last character before {@code at} that no local part holds, but no further
   * back than {@value #MAX_LOCAL} characters. {@link #detect} treats it exactly as the start of the
   * run of local-part characters the scan tracks, of which it takes at most the last {@value
   * #MAX_LOCAL} characters.
   */
  static int localStart(CharSequence text, int at) {
    int limit = Math.max(0, at - MAX_LOCAL);
    int k = at - 1;
    while (k >= limit && CharClasses.inLocalPart(text.charAt(k))) {
      k--;
    }
    // the letter of a string escape (\n, \t) is not the local part's, as in the scan
    return k + 2 <= at && CharClasses.escapeBefore(text, k + 2) ? k + 2 : k + 1;
  }

  /**
   * Where a local part whose run of characters starts at {@code runStart} starts: past an ANSI
   * colour code whose parameters and {@code m} the run took ({@code \u001b[31mjane@…}; the scan
   * passes over the code, the look-back of {@link #localStart} does not).
   */
  private static int afterColourCode(CharSequence text, int runStart, int at) {
    int k = runStart - 1;
    int limit = Math.max(0, runStart - 1 - CharClasses.MAX_SGR);
    while (k > limit && (text.charAt(k) == ';' || CharClasses.isDigit(text.charAt(k)))) {
      k--; // the parameters before the run's own: ESC [ 1 ; 31 m
    }
    if (k < 1 || text.charAt(k) != '[' || text.charAt(k - 1) != CharClasses.ESC) {
      return runStart;
    }
    int end = CharClasses.sgrEnd(text, k - 1);
    return end > runStart && end <= at ? end : runStart;
  }

  /** The end of a valid domain starting at {@code from}, or -1. */
  private static int domainEnd(CharSequence text, int from) {
    int n = text.length();
    int i = from;
    while (i < n && i - from <= MAX_DOMAIN && CharClasses.inDomain(text.charAt(i))) {
      i++;
    }
    if (i - from > MAX_DOMAIN) {
      return -1;
    }
    int end = i;
    // a sentence may end right after the address
    while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    if (end < n && end == i && CharClasses.isAlnum(text.charAt(end))) {
      return -1;
    }
    int labels = 0;
    int labelStart = from;
    for (int k = from; k <= end; k++) {
      if (k == end || text.charAt(k) == '.') {
        int length = k - labelStart;
        if (length == 0 || length > MAX_LABEL
            || text.charAt(labelStart) == '-' || text.charAt(k - 1) == '-') {
          return -1;
        }
        labels++;
        if (k == end) {
          return labels >= 2 && topLevelShape(text, labelStart, k)
              && !NonTopLevelDomains.builtIn().contains(text, labelStart, k) ? end : -1;
        }
        labelStart = k + 1;
      }
    }
    return -1;
  }

  private static boolean topLevelShape(CharSequence text, int start, int end) {
    int length = end - start;
    if (length >= 5
        && CharClasses.lower(text.charAt(start)) == 'x'
        && CharClasses.lower(text.charAt(start + 1)) == 'n'
        && text.charAt(start + 2) == '-'
        && text.charAt(start + 3) == '-') {
      return true;
    }
    if (length < 2) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (!CharClasses.isLetter(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * The password of an Oracle connect string, {@code user/password@service}: SQL*Plus's {@code
 * sqlplus scott/tiger@//dbhost:1521/ORCL} and {@code CONNECT scott/tiger@orcl}, the thin driver's
 * {@code jdbc:oracle:thin:scott/tiger@dbhost:1521:ORCL}. The user is a word of identifier
 * characters that starts a word (or follows {@code thin:} or {@code oci:}); the password runs from
 * the {@code /} to the {@code @}. As {@code a/b@c} is also a path with a revision ({@code
 * src/main@HEAD}) or a package with a version ({@code actions/checkout@v4}), the service must show
 * it: Easy Connect's {@code @//host}, a host with a port ({@code @dbhost:1521}), a driver prefix,
 * or one of Oracle's tools or {@code connect} before the string on its line.
 *
 * <p>The whole {@code user/password} lies within {@value #MAX_USER_PASSWORD} characters before the
 * {@code @}, the distance the {@link CandidateFilter} allows between a {@code /} and an {@code @}.
 */
final class OracleConnectString {
  static final int MAX_USER_PASSWORD = 128;
  private static final int MAX_PORT = 5;
  /** Oracle's command-line tools and SQL*Plus's connect command. */
  private static final List<String> COMMANDS = List.of(
      "sqlplus", "sqlldr", "expdp", "impdp", "exp", "imp", "rman", "dgmgrl", "connect", "conn");
  private static final List<String> DRIVERS = List.of("thin:", "oci:", "oci8:");

  private OracleConnectString() {}

  /** Where the password of a {@code user/password@} ending at {@code at} starts, or -1. */
  static int passwordStart(CharSequence text, int at) {
    int limit = Math.max(0, at - MAX_USER_PASSWORD);
    int slash = at - 1;
    while (slash >= limit && inPassword(text.charAt(slash))) {
      slash--;
    }
    if (slash < limit || slash == at - 1 || text.charAt(slash) != '/') {
      return -1;
    }
    int user = slash - 1;
    while (user >= limit && inUser(text.charAt(user))) {
      user--;
    }
    if (user == slash - 1 || (user >= limit && user >= 0 && !beforeUser(text, user))
        || (user < limit && user >= 0)) {
      return -1;
    }
    int password = slash + 1;
    if (CredentialDetector.keptValue(text.subSequence(password, at))) {
      return -1;
    }
    boolean driver = user >= 0 && text.charAt(user) == ':';
    return driver || serviceShows(text, at + 1) || command(text, user) ? password : -1;
  }

  private static boolean beforeUser(CharSequence text, int k) {
    char c = text.charAt(k);
    if (c == ':') {
      for (String driver : DRIVERS) {
        if (CharClasses.startsWith(text, k + 1 - driver.length(), driver)) {
          return true;
        }
      }
      return false;
    }
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == '(' || c == ',';
  }

  /** Whether the service after the {@code @} at {@code from} is Easy Connect's {@code //host} or has a port. */
  private static boolean serviceShows(CharSequence text, int from) {
    int n = text.length();
    if (from + 1 < n && text.charAt(from) == '/' && text.charAt(from + 1) == '/') {
      return true;
    }
    int limit = Math.min(n, from + UrlUserInfoDetector.MAX_USER_INFO);
    int k = from;
    while (k < limit && (CharClasses.isAlnum(text.charAt(k)) || text.charAt(k) == '.'
        || text.charAt(k) == '-' || text.charAt(k) == '_')) {
      k++;
    }
    if (k == from || k >= n || text.charAt(k) != ':') {
      return false;
    }
    int port = k + 1;
    while (port < n && port - k <= MAX_PORT && CharClasses.isDigit(text.charAt(port))) {
      port++;
    }
    return port > k + 1 && port - k <= MAX_PORT
        && (port == n || !CharClasses.isAlnum(text.charAt(port)));
  }

  /**
   * Whether one of {@link #COMMANDS} is a word before {@code end} on its line (not a part of one:
   * {@code sqlplus.log} is none), looked for no
   * further back than {@value #MAX_USER_PASSWORD} characters nor past an {@code @} (whose own
   * look-back went there).
   */
  private static boolean command(CharSequence text, int end) {
    int limit = Math.max(-1, end - MAX_USER_PASSWORD);
    int wordEnd = end + 1;
    for (int k = end; k >= limit; k--) {
      char c = k < 0 ? ' ' : text.charAt(k);
      if (c == '\n' || c == '\r' || c == '@') {
        return false;
      }
      if (!CharClasses.isAlnum(c) && c != '.' && c != '_' && c != '-') {
        if (named(text, k + 1, wordEnd)) {
          return true;
        }
        wordEnd = k;
      }
    }
    return false;
  }

  private static boolean named(CharSequence text, int start, int end) {
    for (String name : COMMANDS) {
      if (end - start == name.length() && CharClasses.startsWithLower(text, start, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inUser(char c) {
    return CharClasses.is(c, CharClasses.LETTER | CharClasses.DIGIT) || c == '_' || c == '$' || c == '#';
  }

  private static boolean inPassword(char c) {
    return c > ' ' && c != '/' && c != '@' && c != '"' && c != '\'' && c != '<' && c != '>'
        && c != '=' && c != ',' && c != ';' && c != '(' && c != ')' && c != ':' && c != '\\';
  }
}

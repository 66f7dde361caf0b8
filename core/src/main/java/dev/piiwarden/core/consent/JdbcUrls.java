package dev.piiwarden.core.consent;

/** Renders a JDBC URL for messages: user, password and query parameters left out. */
final class JdbcUrls {
  private JdbcUrls() {}

  static String withoutCredentials(String url) {
    String shown = url;
    int query = shown.indexOf('?');
    if (query >= 0) {
      shown = shown.substring(0, query);
    }
    int semicolon = shown.indexOf(';');
    if (semicolon >= 0) {
      shown = shown.substring(0, semicolon);
    }
    int scheme = shown.indexOf("//");
    int at = shown.indexOf('@', Math.max(scheme, 0));
    if (scheme >= 0 && at > scheme) {
      shown = shown.substring(0, scheme + 2) + shown.substring(at + 1);
    }
    return shown;
  }
}

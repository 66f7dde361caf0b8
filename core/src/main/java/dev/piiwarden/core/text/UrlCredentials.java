package dev.piiwarden.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the credentials of a store or sink URL out of messages: the URL shown without them, and
 * a driver's message cleaned of the URL it echoes and of the secret values in it. Knows the forms
 * JDBC drivers take: {@code //user:password@host}, query parameters ({@code ?user=…&password=…}),
 * semicolon properties ({@code ;user=…;password=…}, SQL Server and H2) and Oracle's {@code
 * jdbc:oracle:thin:user/password@host}.
 */
public final class UrlCredentials {
  private static final String HIDDEN = "***";

  private UrlCredentials() {}

  /** {@code url} for messages: user, password, query and properties left out. */
  public static String withoutCredentials(String url) {
    String shown = url;
    int cut = firstOf(shown, '?', ';');
    if (cut >= 0) {
      shown = shown.substring(0, cut);
    }
    int[] credentials = credentials(shown);
    if (credentials != null) {
      shown = shown.substring(0, credentials[0]) + shown.substring(credentials[1] + 1);
    }
    return shown;
  }

  /**
   * {@code message} (a driver's, which may quote the URL it was given) with {@code url} shown as
   * {@link #withoutCredentials} shows it and every password or user value of {@code url} replaced
   * by {@code ***}, wherever it appears.
   */
  public static String scrub(String message, String url) {
    if (message == null || url == null || url.isEmpty()) {
      return message;
    }
    String clean = message.replace(url, withoutCredentials(url));
    for (String secret : secrets(url)) {
      clean = clean.replace(secret, HIDDEN);
    }
    return clean;
  }

  /** The values in {@code url} that name or prove who connects, longest first. */
  static List<String> secrets(String url) {
    List<String> found = new ArrayList<>();
    for (String part : url.split("[?&;]")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        String key = part.substring(0, equals).toLowerCase(Locale.ROOT);
        if (key.contains("password") || key.contains("pwd") || key.contains("passwd")
            || key.contains("secret") || key.contains("token") || key.equals("user")
            || key.equals("username")) {
          add(found, part.substring(equals + 1));
        }
      }
    }
    String base = url.split("[?;]", 2)[0];
    int[] credentials = credentials(base);
    if (credentials != null) {
      for (String credential : base.substring(credentials[0], credentials[1]).split("[:/]", 2)) {
        add(found, credential);
      }
    }
    found.sort((a, b) -> b.length() - a.length());
    return found;
  }

  /**
   * Where the credentials of {@code base} (a URL without its query) start and where the {@code @}
   * that ends them is, or null when it has none: in the authority after {@code //}, up to its last
   * {@code @} ({@code //user:password@host/db}; an {@code @} in the path after it, {@code
   * //host/bob@example.com}, is none), or in Oracle's {@code jdbc:oracle:thin:user/password@host}
   * after the last colon before the {@code @}. A URL of a file ({@code jdbc:sqlite:/srv/a@b/x.db},
   * {@code file:}, {@code jsonl:}) has none.
   */
  private static int[] credentials(String base) {
    int firstAt = base.indexOf('@');
    if (firstAt < 0) {
      return null;
    }
    int scheme = base.indexOf("//");
    if (scheme >= 0 && scheme < firstAt) {
      int authorityEnd = base.indexOf('/', scheme + 2);
      int at = base.lastIndexOf('@', authorityEnd < 0 ? base.length() - 1 : authorityEnd);
      return at > scheme + 2 ? new int[] {scheme + 2, at} : null;
    }
    if (!base.regionMatches(true, 0, "jdbc:oracle:", 0, "jdbc:oracle:".length())) {
      return null;
    }
    // thin:user/password@host:1521:sid, thin:user/password@//host:1521/service
    int at = scheme >= 0 ? base.lastIndexOf('@', scheme) : base.lastIndexOf('@');
    int from = base.lastIndexOf(':', at) + 1;
    return from > 0 && from < at ? new int[] {from, at} : null;
  }

  private static void add(List<String> found, String value) {
    // a one- or two-character value would blank out unrelated text; it is in the URL only
    if (value.length() >= 3) {
      found.add(value);
    }
  }

  private static int firstOf(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}

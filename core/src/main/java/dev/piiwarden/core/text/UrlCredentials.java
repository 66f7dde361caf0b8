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
    int from = credentialsStart(shown);
    if (from >= 0) {
      shown = shown.substring(0, from) + shown.substring(shown.lastIndexOf('@') + 1);
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
    int from = credentialsStart(base);
    if (from >= 0) {
      for (String credential : base.substring(from, base.lastIndexOf('@')).split("[:/]", 2)) {
        add(found, credential);
      }
    }
    found.sort((a, b) -> b.length() - a.length());
    return found;
  }

  /**
   * Where the credentials before the last {@code @} of {@code base} (a URL without its query)
   * start, or -1 when there are none: after {@code //} ({@code //user:password@host}), else after
   * the last colon before the {@code @} (Oracle's {@code thin:user/password@host}).
   */
  private static int credentialsStart(String base) {
    int at = base.lastIndexOf('@');
    if (at < 0) {
      return -1;
    }
    int scheme = base.indexOf("//");
    int from = scheme >= 0 && scheme < at ? scheme + 2 : base.lastIndexOf(':', at) + 1;
    return from > 0 && from < at ? from : -1;
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

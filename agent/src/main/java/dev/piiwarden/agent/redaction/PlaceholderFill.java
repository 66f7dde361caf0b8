package dev.piiwarden.agent.redaction;

/**
 * A {@code {}} message template filled with string arguments as SLF4J's {@code MessageFormatter}
 * and Log4j2's {@code ParameterFormatter} fill one that holds no backslash: the template's text is
 * copied as it is, the k-th {@code {}} takes the k-th argument ({@code null} reads {@code null}),
 * placeholders beyond the arguments stay as they are, arguments beyond the placeholders are left
 * out.
 *
 * <p>The hooks use it on a message the framework has formatted: {@link #matches} confirms that the
 * framework's text is this filling (its length, and each argument where the filling puts it), and
 * {@link #refill} then puts redacted arguments in place of the original ones in that text, without
 * the framework formatting the message again. Anything else (escapes, other argument types,
 * another message kind that happens to have a format) is left to the framework.
 */
final class PlaceholderFill {
  private static final String PLACEHOLDER = "{}";

  private PlaceholderFill() {}

  /**
   * Whether {@code formatted} is {@code template} filled with the first {@code count} of {@code
   * arguments}, all strings or null (those the template has no placeholder for as well), the
   * template holding no backslash. With {@code wholeText}
   * false, the text between the arguments is taken to be the template's, as the formatters copy it
   * (only the length and the arguments are compared): for text a known formatter made from this
   * template; true compares every character, for messages of other kinds.
   */
  static boolean matches(
      String template, CharSequence formatted, Object[] arguments, int count, boolean wholeText) {
    if (template == null || arguments == null || arguments.length < count
        || template.indexOf('\\') >= 0) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      if (arguments[k] != null && !(arguments[k] instanceof String)) {
        return false;
      }
    }
    int from = 0;
    int at = 0;
    for (int k = 0; k < count; k++) {
      int placeholder = template.indexOf(PLACEHOLDER, from);
      if (placeholder < 0) {
        break;
      }
      if (wholeText && !startsWith(formatted, at, template, from, placeholder)) {
        return false;
      }
      at += placeholder - from;
      String text = text(arguments[k]);
      if (!startsWith(formatted, at, text)) {
        return false;
      }
      at += text.length();
      from = placeholder + PLACEHOLDER.length();
    }
    return at + template.length() - from == formatted.length()
        && (!wholeText || startsWith(formatted, at, template, from, template.length()));
  }

  /**
   * {@code formatted}, which {@link #matches} {@code template} and {@code arguments}, with each of
   * the first {@code count} {@code redacted} strings (or nulls) in place of the argument it differs
   * from; null when a redacted argument that the text shows is not a string or null.
   */
  static String refill(
      String template, CharSequence formatted, Object[] arguments, Object[] redacted, int count) {
    int growth = 0;
    int shown = 0;
    for (int from = 0; shown < count; shown++) {
      int placeholder = template.indexOf(PLACEHOLDER, from);
      if (placeholder < 0) {
        break;
      }
      Object replacement = redacted[shown];
      if (replacement != arguments[shown]) {
        if (replacement != null && !(replacement instanceof String)) {
          return null;
        }
        growth += text(replacement).length() - text(arguments[shown]).length();
      }
      from = placeholder + PLACEHOLDER.length();
    }
    StringBuilder out = new StringBuilder(formatted.length() + growth);
    int from = 0;
    int at = 0;
    int copied = 0;
    for (int k = 0; k < shown; k++) {
      int placeholder = template.indexOf(PLACEHOLDER, from);
      at += placeholder - from;
      String original = text(arguments[k]);
      if (redacted[k] != arguments[k]) {
        out.append(formatted, copied, at).append(text(redacted[k]));
        copied = at + original.length();
      }
      at += original.length();
      from = placeholder + PLACEHOLDER.length();
    }
    return out.append(formatted, copied, formatted.length()).toString();
  }

  /** Whether {@code text} holds {@code part} at {@code at}. */
  private static boolean startsWith(CharSequence text, int at, String part) {
    return startsWith(text, at, part, 0, part.length());
  }

  /** Whether {@code text} holds {@code part[from, to)} at {@code at}. */
  private static boolean startsWith(CharSequence text, int at, String part, int from, int to) {
    if (at + to - from > text.length()) {
      return false;
    }
    if (text instanceof String) {
      return ((String) text).regionMatches(at, part, from, to - from);
    }
    for (int k = from; k < to; k++) {
      if (text.charAt(at + k - from) != part.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object value) {
    return value == null ? "null" : (String) value;
  }
}

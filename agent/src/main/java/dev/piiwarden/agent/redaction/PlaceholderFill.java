package dev.piiwarden.agent.redaction;

/**
 * A {@code {}} message template filled with string arguments as SLF4J's {@code MessageFormatter}
 * and Log4j2's {@code ParameterFormatter} fill one that holds no backslash: the template's text is
 * copied as it is, the k-th {@code {}} takes the k-th argument ({@code null} reads {@code null}),
 * placeholders beyond the arguments stay as they are, arguments beyond the placeholders are left
 * out.
 *
 * <p>The hooks use it on a message the framework has formatted: {@link #refill} confirms that the
 * framework's text is this filling (its length, and each argument where the filling puts it) and
 * puts redacted arguments in place of the original ones in that text, without the framework
 * formatting the message again. Anything else (escapes, other argument types, another message kind
 * that happens to have a format) is left to the framework.
 */
final class PlaceholderFill {
  private PlaceholderFill() {}

  /**
   * Whether {@code formatted} is {@code template} filled with the first {@code count} of {@code
   * arguments}, as {@link #refill} checks it.
   */
  static boolean matches(
      String template, CharSequence formatted, Object[] arguments, int count, boolean wholeText) {
    return refill(template, formatted, arguments, arguments, count, wholeText) != null;
  }

  /**
   * {@code formatted} with each of the first {@code count} {@code redacted} values in place of the
   * argument it differs from, when {@code formatted} is {@code template} filled with the first
   * {@code count} {@code arguments}; null when it is not, when the template holds a backslash, or
   * when an argument or a redacted value is neither a string nor null (those the template has no
   * placeholder for as well). With {@code wholeText} false, the text between the arguments is
   * taken to be the template's, as the formatters copy it (only the length and the arguments are
   * compared): for text a known formatter made from this template; true compares every character,
   * for messages of other kinds.
   */
  static String refill(String template, CharSequence formatted, Object[] arguments,
      Object[] redacted, int count, boolean wholeText) {
    if (template == null || arguments == null || redacted == null
        || arguments.length < count || redacted.length < count || template.indexOf('\\') >= 0
        || !strings(arguments, count) || !strings(redacted, count)) {
      return null;
    }
    int from = 0;
    int at = 0;
    int growth = 0;
    int shown = 0;
    for (; shown < count; shown++) {
      int placeholder = placeholder(template, from);
      if (placeholder < 0) {
        break;
      }
      if (wholeText && !startsWith(formatted, at, template, from, placeholder)) {
        return null;
      }
      at += placeholder - from;
      String original = text(arguments[shown]);
      if (!startsWith(formatted, at, original, 0, original.length())) {
        return null;
      }
      if (redacted[shown] != arguments[shown]) {
        growth += text(redacted[shown]).length() - original.length();
      }
      at += original.length();
      from = placeholder + 2;
    }
    if (at + template.length() - from != formatted.length()
        || (wholeText && !startsWith(formatted, at, template, from, template.length()))) {
      return null;
    }
    // built in one array of the exact length: StringBuilder's append of a part reads it a
    // character at a time, through a call site every caller in the JVM shares
    char[] out = new char[formatted.length() + growth];
    int written = 0;
    int copied = 0;
    from = 0;
    at = 0;
    for (int k = 0; k < shown; k++) {
      int placeholder = placeholder(template, from);
      at += placeholder - from;
      String original = text(arguments[k]);
      if (redacted[k] != arguments[k]) {
        written = copy(formatted, copied, at, out, written);
        String replacement = text(redacted[k]);
        replacement.getChars(0, replacement.length(), out, written);
        written += replacement.length();
        copied = at + original.length();
      }
      at += original.length();
      from = placeholder + 2;
    }
    copy(formatted, copied, formatted.length(), out, written);
    return new String(out);
  }

  /** Copies {@code text[from, to)} into {@code out} at {@code at}; returns where it ends. */
  private static int copy(CharSequence text, int from, int to, char[] out, int at) {
    if (text instanceof String) {
      ((String) text).getChars(from, to, out, at);
    } else {
      for (int k = from; k < to; k++) {
        out[at + k - from] = text.charAt(k);
      }
    }
    return at + to - from;
  }

  /** The next {@code {}} in {@code template} from {@code from}, or -1. */
  private static int placeholder(String template, int from) {
    for (int k = template.indexOf('{', from); k >= 0; k = template.indexOf('{', k + 1)) {
      if (k + 1 < template.length() && template.charAt(k + 1) == '}') {
        return k;
      }
    }
    return -1;
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

  private static boolean strings(Object[] values, int count) {
    for (int k = 0; k < count; k++) {
      if (values[k] != null && !(values[k] instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object value) {
    return value == null ? "null" : (String) value;
  }
}

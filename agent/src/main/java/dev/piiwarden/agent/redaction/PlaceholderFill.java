package dev.piiwarden.agent.redaction;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * A {@code {}} message template filled with string arguments as SLF4J's {@code MessageFormatter}
 * and Log4j2's {@code ParameterFormatter} fill one that holds no backslash: the template's text is
 * copied as it is, the k-th {@code {}} takes the k-th argument ({@code null} reads {@code null}),
 * placeholders beyond the arguments stay as they are, arguments beyond the placeholders are left
 * out.
 *
 * <p>The hooks use it on a message the framework has formatted: {@link #shown} confirms that the
 * framework's text is this filling (its length, and each argument where the filling puts it), and
 * {@link #rebuild} puts redacted arguments in place of the original ones in that text, without the
 * framework formatting the message again. Anything else (escapes, other argument types, another message kind
 * that happens to have a format) is left to the framework.
 */
final class PlaceholderFill {
  /** What a hook holds for {@link #shown} before it has asked: neither a count nor -1. */
  static final int UNCHECKED = -2;

  private PlaceholderFill() {}

  /**
   * How many arguments {@code formatted} shows, when it is {@code template} filled with the first
   * {@code count} of {@code arguments}: the number of placeholders they took, at most {@code
   * count}. -1 when it is not that filling, when the template holds a backslash, or when one of
   * those arguments is neither a string nor null. With {@code wholeText} false, the text between
   * the arguments is taken to be the template's, as the formatters copy it (only the length and
   * the arguments are compared): for text a known formatter made from this template; true compares
   * every character, for messages of other kinds. The arguments it shows are then parts of {@code
   * formatted}.
   */
  static int shown(
      String template, CharSequence formatted, Object[] arguments, int count, boolean wholeText) {
    if (template == null || formatted == null || arguments == null || arguments.length < count
        || !strings(arguments, count)) {
      return -1;
    }
    int[] placeholders = Plan.of(template).placeholders;
    if (placeholders == null) {
      return -1;
    }
    int shown = Math.min(count, placeholders.length);
    int from = 0;
    int at = 0;
    for (int k = 0; k < shown; k++) {
      int placeholder = placeholders[k];
      if (wholeText && !startsWith(formatted, at, template, from, placeholder)) {
        return -1;
      }
      at += placeholder - from;
      String original = text(arguments[k]);
      if (!startsWith(formatted, at, original, 0, original.length())) {
        return -1;
      }
      at += original.length();
      from = placeholder + 2;
    }
    if (at + template.length() - from != formatted.length()
        || (wholeText && !startsWith(formatted, at, template, from, template.length()))) {
      return -1;
    }
    return shown;
  }

  /**
   * {@code formatted}, of which {@link #shown} found that it shows the first {@code shown} {@code
   * arguments} of {@code template}'s filling, with each of the first {@code shown} {@code redacted}
   * values in place of the argument it differs from; null when {@code shown} is -1 or when one of
   * those redacted values is neither a string nor null.
   */
  static String rebuild(
      String template, CharSequence formatted, Object[] arguments, Object[] redacted, int shown) {
    if (shown == UNCHECKED) {
      throw new IllegalArgumentException("shown is not checked");
    }
    if (shown < 0 || redacted == null || redacted.length < shown || !strings(redacted, shown)) {
      return null;
    }
    int[] placeholders = Plan.of(template).placeholders;
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at = 0;
    for (int k = 0; k < shown; k++) {
      at += placeholders[k] - from;
      int length = text(arguments[k]).length();
      if (redacted[k] != arguments[k]) {
        if (out == null) {
          out = new StringBuilder(formatted.length() + 16);
        }
        // a String's range is copied whole (a buffer's a character at a time)
        out.append(formatted, copied, at).append(text(redacted[k]));
        copied = at + length;
      }
      at += length;
      from = placeholders[k] + 2;
    }
    return out == null ? formatted.toString()
        : out.append(formatted, copied, formatted.length()).toString();
  }

  /**
   * Where each argument {@code formatted} shows stands in it, when it is {@code template} filled
   * with the first {@code count} arguments, compared character by character: {@code texts[k]} is
   * the k-th argument's text, or null where only the framework knows it (an object it rendered by
   * its {@code toString}). Such an argument is found between the texts around it: the last one by
   * the length left, any other by the template text after it, which must then occur only once where
   * it could stand. Offsets {@code [start, end)} of each argument shown, in order; null when the
   * text is not that filling, the template holds a backslash, or an argument's place is not
   * certain (two unknown arguments side by side, or the text between them found twice).
   */
  static int[] spans(String template, String formatted, String[] texts, int count) {
    if (template == null || formatted == null || texts.length < count) {
      return null;
    }
    int[] placeholders = Plan.of(template).placeholders;
    if (placeholders == null) {
      return null;
    }
    int shown = Math.min(count, placeholders.length);
    if (shown == 0) {
      return template.equals(formatted) ? new int[0] : null;
    }
    // the length of the known text after each argument: template text and known arguments
    int[] knownAfter = new int[shown];
    knownAfter[shown - 1] = template.length() - placeholders[shown - 1] - 2;
    int lastUnknown = texts[shown - 1] == null ? shown - 1 : -1;
    for (int k = shown - 2; k >= 0; k--) {
      knownAfter[k] = knownAfter[k + 1] + placeholders[k + 1] - placeholders[k] - 2
          + (texts[k + 1] == null ? 0 : texts[k + 1].length());
      if (texts[k] == null && lastUnknown < 0) {
        lastUnknown = k;
      }
    }
    int[] spans = new int[2 * shown];
    int at = 0;
    int from = 0;
    for (int k = 0; k < shown; k++) {
      if (!startsWith(formatted, at, template, from, placeholders[k])) {
        return null;
      }
      at += placeholders[k] - from;
      from = placeholders[k] + 2;
      int latest = formatted.length() - knownAfter[k];
      int end;
      if (texts[k] != null) {
        end = at + texts[k].length();
        if (!startsWith(formatted, at, texts[k], 0, texts[k].length())) {
          return null;
        }
      } else if (k == lastUnknown) {
        end = latest; // all that follows is known
      } else {
        String next = template.substring(from, placeholders[k + 1]);
        end = next.isEmpty() ? -1 : formatted.indexOf(next, at);
        int again = end < 0 ? -1 : formatted.indexOf(next, end + 1);
        if (end < 0 || end > latest || (again >= 0 && again <= latest)) {
          return null;
        }
      }
      if (end < at || end > latest) {
        return null;
      }
      spans[2 * k] = at;
      spans[2 * k + 1] = end;
      at = end;
    }
    return at + template.length() - from == formatted.length()
            && startsWith(formatted, at, template, from, template.length())
        ? spans : null;
  }

  /** Whether {@code text} holds {@code part[from, to)} at {@code at}. */
  private static boolean startsWith(CharSequence text, int at, String part, int from, int to) {
    if (at + to - from > text.length()) {
      return false;
    }
    if (text instanceof String) {
      // a whole part through startsWith, which compares faster than regionMatches
      return from == 0 && to == part.length() ? ((String) text).startsWith(part, at)
          : ((String) text).regionMatches(at, part, from, to - from);
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

  /**
   * Where a template's placeholders are, found once: log calls use a few constant templates over
   * and over. Kept in a small table by the template's identity; a template that shares its slot
   * with another, or is made anew for each call, is looked at again. The table holds templates
   * weakly: one that an application built with personal data in it is not kept past its use.
   */
  private static final class Plan {
    private static final int SLOTS = 64;
    /** Written without a lock: a plan's fields are final, so a racing reader sees it whole. */
    private static final Plan[] TABLE = new Plan[SLOTS];

    final WeakReference<String> template;
    /** The offsets of its {@code {}}s, in order; null when it holds a backslash. */
    final int[] placeholders;

    private Plan(String template) {
      this.template = new WeakReference<>(template);
      this.placeholders = template.indexOf('\\') >= 0 ? null : placeholders(template);
    }

    static Plan of(String template) {
      int slot = System.identityHashCode(template) & (SLOTS - 1);
      Plan plan = TABLE[slot];
      if (plan == null || plan.template.get() != template) {
        plan = new Plan(template);
        TABLE[slot] = plan;
      }
      return plan;
    }

    private static int[] placeholders(String template) {
      int[] found = new int[4];
      int size = 0;
      for (int k = template.indexOf('{'); k >= 0 && k + 1 < template.length();
          k = template.indexOf('{', k + 1)) {
        if (template.charAt(k + 1) == '}') {
          if (size == found.length) {
            found = Arrays.copyOf(found, size * 2);
          }
          found[size++] = k;
          k++;
        }
      }
      return Arrays.copyOf(found, size);
    }
  }
}

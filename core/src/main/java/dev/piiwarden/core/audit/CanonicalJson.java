package dev.piiwarden.core.audit;

import dev.piiwarden.core.json.JsonStrings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON of audit values: no insignificant whitespace, map keys sorted, strings escaped
 * the one way JSON allows ({@code \" \\ \b \f \n \r \t}, other control characters as {@code
 * \\u00XX}, everything else as is, UTF-8 when encoded). Numbers are integers only, so that a value
 * has exactly one rendering.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  /** Checks that a detail value is one the canonical form can write. */
  static void checkValue(String key, Object value) {
    if (value instanceof String || value instanceof Boolean || isInteger(value)) {
      return;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!(element instanceof String)) {
          throw new IllegalArgumentException("detail '" + key + "': a list must hold strings");
        }
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw new IllegalArgumentException("detail '" + key + "': map keys must be strings");
        }
        checkValue(key + "." + name, entry.getValue());
      }
      return;
    }
    throw new IllegalArgumentException(
        "detail '" + key + "': a "
            + (value == null ? "null" : value.getClass().getSimpleName())
            + " is not a string, integer, boolean, list of strings or map");
  }

  static void value(StringBuilder out, Object value) {
    if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Boolean || isInteger(value)) {
      out.append(value);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) entry.getKey());
        out.append(':');
        value(out, entry.getValue());
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("not a canonical JSON value: " + value);
    }
  }

  static void string(StringBuilder out, String text) {
    if (needsEscape(text)) {
      JsonStrings.append(out, text, false);
    } else {
      out.append('"').append(text).append('"');
    }
  }

  /** Most values need no escape: they are appended whole. */
  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  private static boolean isInteger(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte;
  }
}

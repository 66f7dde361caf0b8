package dev.piiwarden.core.json;

/** Writes a JSON string literal, escaped as JSON requires and no further. */
public final class JsonStrings {
  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private JsonStrings() {}

  /**
   * Appends {@code text} in double quotes: {@code \" \\ \b \t \n \f \r} escaped as such, other
   * control characters as {@code \\u00XX} with upper- or lower-case hexadecimal digits, everything
   * else as it is.
   */
  public static void append(StringBuilder out, CharSequence text, boolean upperCaseHex) {
    char[] hex = upperCaseHex ? UPPER_HEX : LOWER_HEX;
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

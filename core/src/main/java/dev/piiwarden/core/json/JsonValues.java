package dev.piiwarden.core.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259) into plain values: an object as a {@code Map<String, Object>} in the
 * document's order (a repeated name keeps its last value), an array as a {@code List<Object>}, a
 * string, a {@code Long} or a {@code Double}, a {@code Boolean}, or null. For the JSON PII Warden
 * writes or ships itself (inventories and fragments, the taxonomy, the sink catalogue), which every
 * compilation with the processor and every CLI run reads: Jackson reads the same text, but its
 * start-up costs a fresh JVM more than the reading itself. Files users write (taxonomy extensions,
 * policies, extra sinks) are read with Jackson. Messages give the line, the column and what was
 * expected, never the text found there.
 */
public final class JsonValues {
  /** Arrays and objects nested deeper than this are refused (Jackson's limit too), before the stack runs out. */
  private static final int MAX_DEPTH = 1000;
  /** Strings longer than this are refused (Jackson's limit too): no part of PII Warden's files comes near it. */
  private static final int MAX_STRING = 20_000_000;

  private final String text;
  private int at;
  private int depth;

  private JsonValues(String text) {
    this.text = text;
  }

  /**
   * The value a UTF-8 document holds (a byte order mark before it is left out).
   *
   * @throws IllegalArgumentException as {@link #parse(String)}, and for bytes that are not UTF-8
   *     ("not valid JSON at line L, column C (not UTF-8 text)")
   */
  public static Object parse(byte[] utf8) {
    CharBuffer text = CharBuffer.allocate(utf8.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8), text, true);
    text.flip();
    if (result.isError()) {
      JsonValues decoded = new JsonValues(text.toString());
      decoded.at = text.length();
      throw decoded.problem("not UTF-8 text");
    }
    String decoded = text.toString();
    return parse(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded);
  }

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException "not valid JSON at line L, column C (expected …)", naming no
   *     part of the text
   */
  public static Object parse(String text) {
    JsonValues reader = new JsonValues(text);
    Object value = reader.value();
    reader.space();
    if (reader.at < text.length()) {
      throw reader.problem("expected the end of the document");
    }
    return value;
  }

  private Object value() {
    space();
    if (at >= text.length()) {
      throw problem("expected a value");
    }
    char c = text.charAt(at);
    if ((c == '{' || c == '[') && depth == MAX_DEPTH) {
      throw problem("arrays and objects nested more than " + MAX_DEPTH + " deep");
    }
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield number();
        }
        throw problem("expected a value");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> fields = new LinkedHashMap<>();
    at++;
    space();
    if (next('}')) {
      return fields;
    }
    depth++;
    do {
      space();
      if (at >= text.length() || text.charAt(at) != '"') {
        throw problem("expected a field name in double quotes");
      }
      String name = string();
      space();
      expect(':');
      fields.put(name, value());
      space();
    } while (next(','));
    expect('}');
    depth--;
    return fields;
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    at++;
    space();
    if (next(']')) {
      return items;
    }
    depth++;
    do {
      items.add(value());
      space();
    } while (next(','));
    expect(']');
    depth--;
    return items;
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        at--;
        throw problem("a control character must be escaped in a string");
      }
      if (c != '\\') {
        out.append(c);
        if (out.length() > MAX_STRING) {
          throw problem("a string longer than " + MAX_STRING + " characters");
        }
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hex());
        default -> {
          at--;
          throw problem("expected one of \" \\ / b f n r t u after a backslash");
        }
      }
    }
    throw problem("a string is not closed");
  }

  private char hex() {
    if (at + 4 > text.length()) {
      throw problem("expected four hexadecimal digits after \\u");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at), 16);
      if (digit < 0) {
        throw problem("expected four hexadecimal digits after \\u");
      }
      code = code * 16 + digit;
      at++;
    }
    return (char) code;
  }

  private Object number() {
    int start = at;
    next('-');
    if (!next('0')) {
      digits();
    }
    boolean whole = true;
    if (next('.')) {
      whole = false;
      digits();
    }
    if (next('e') || next('E')) {
      whole = false;
      if (!next('+')) {
        next('-');
      }
      digits();
    }
    String number = text.substring(start, at);
    try {
      return whole ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    } catch (NumberFormatException tooLong) {
      at = start;
      throw problem("a number out of range");
    }
  }

  private void digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw problem("expected a digit");
    }
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw problem("expected a value");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private boolean next(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!next(c)) {
      throw problem("expected '" + c + "'");
    }
  }

  /** The problem at the current place, by line and column (both from 1). */
  private IllegalArgumentException problem(String what) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new IllegalArgumentException(
        "not valid JSON at line " + line + ", column " + (at - lineStart + 1) + " (" + what + ")");
  }
}

package dev.piiwarden.core.redaction;

import dev.piiwarden.core.files.BundledResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Credentials by key name: the value after a key of {@code credential-keys.txt} (or a configured
 * one) in {@code k=v}, {@code k: v}, {@code "k":"v"}, {@code "k": "v"}, escaped JSON {@code
 * \"k\":\"v\"}, {@code k => v} and XML {@code <k>v</k>}; and the token of {@code Authorization: Bearer|Basic|…
 * token}, a bare {@code Bearer token} and a bare {@code Basic token} whose token is the Base64 of
 * {@code user:password}. Only the value is replaced; the key and quotes stay. An
 * unquoted value ends at a blank, a quote, a backslash or one of
 * <code>, ; &amp; &lt; &gt; ) ] }</code>; a quoted one at its closing quote (looked
 * for within {@value #MAX_QUOTED} characters, else read as unquoted); an unquoted one that opens
 * with {@code [} takes the {@code ]} it ends at. A value already redacted (a mask, a hash token, a
 * bracketed word of capitals such as {@code [REDACTED]}), or the JSON literal {@code null}, {@code
 * true} or {@code false}, is left alone.
 */
final class CredentialDetector implements Detector {
  static final int MAX_QUOTED = 512;
  /** The longest word of capitals whose last key counts ({@code PGPASSWORD}): an environment variable's name. */
  static final int MAX_CAPITALS_WORD = 64;
  private static final String RESOURCE = "credential-keys.txt";
  private static final String AUTHORIZATION = "authorization";
  private static final String BEARER = "bearer";
  private static final int MIN_BEARER_TOKEN = 8;
  private static final String BASIC = "basic";
  /** {@code YTpi}, the Base64 of {@code a:b}. */
  private static final int MIN_BASIC_TOKEN = 4;

  private final KeyAutomaton automaton;

  /** @param extraKeys configured key names besides the built-in ones */
  CredentialDetector(List<String> extraKeys) {
    List<String> keys = new ArrayList<>(builtInKeys());
    keys.addAll(extraKeys);
    keys.add(AUTHORIZATION);
    keys.add(BEARER);
    keys.add(BASIC);
    this.automaton = KeyAutomaton.of(keys);
  }

  /** The automaton the scan advances to find key names. */
  KeyAutomaton automaton() {
    return automaton;
  }

  /**
   * Whether {@code name}, the name of a value kept apart from it (an MDC entry's key, a key-value
   * pair's), is a credential key as it would be before an {@code =} in text: it ends in a key name
   * that starts at a key boundary ({@code password}, {@code db.password}, {@code X-Api-Key}, {@code
   * accessToken}, a configured key); {@code passwordHint} and {@code mytoken} are not, nor is
   * {@code basic}, which names a credential only as an {@code Authorization} scheme before one.
   */
  boolean namesCredential(CharSequence name) {
    int state = 0;
    for (int i = 0; i < name.length(); i++) {
      state = automaton.step(state, name.charAt(i));
    }
    int length = automaton.keyLength(state);
    int keyStart = name.length() - length;
    return length > 0 && keyBoundary(name, keyStart, name.length())
        && !named(name, keyStart, name.length(), BASIC);
  }

  /**
   * Whether a credential key's whole value is kept as it is: a mask already ({@code [REDACTED:…]},
   * {@code [REDACTED]}, {@code [REDACTION_FAILED]}, a hash token), or the literal {@code null},
   * {@code true} or {@code false}.
   */
  static boolean keptValue(CharSequence value) {
    return alreadyRedacted(value, 0, value.length()) || literal(value, 0, value.length());
  }

  @Override
  public String type() {
    return PiiType.CREDENTIAL.key();
  }

  @Override
  public int triggers() {
    return KEY;
  }

  @Override
  public long detect(CharSequence text, int at, int keyStart) {
    if (!keyBoundary(text, keyStart, at)) {
      return NONE;
    }
    if (named(text, keyStart, at, BEARER)) {
      return bearer(text, at);
    }
    if (named(text, keyStart, at, BASIC)) {
      return basic(text, at);
    }
    int n = text.length();
    if (at < n && text.charAt(at) == '>' && keyStart > 0 && text.charAt(keyStart - 1) == '<') {
      return element(text, at + 1);
    }
    int i = at;
    if (i + 1 < n && text.charAt(i) == '\\' && isQuote(text.charAt(i + 1))) {
      i += 2;
    } else if (i < n && isQuote(text.charAt(i))) {
      i++;
    }
    i = skipBlanks(text, i);
    if (i >= n || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
      return NONE;
    }
    i++;
    if (i < n && text.charAt(i) == '>') {
      i++;
    }
    i = skipBlanks(text, i);
    if (i >= n) {
      return NONE;
    }
    if (named(text, keyStart, at, AUTHORIZATION)) {
      // the scheme stays readable, also inside a quoted header value: "Bearer [REDACTED:…]"
      int schemeStart = isQuote(text.charAt(i)) ? i + 1 : i;
      int scheme = schemeStart;
      while (scheme < n && CharClasses.is(text.charAt(scheme), CharClasses.LETTER)) {
        scheme++;
      }
      if (scheme > schemeStart && scheme < n && text.charAt(scheme) == ' ') {
        int tokenStart = skipBlanks(text, scheme);
        if (alreadyRedacted(text, tokenStart, n)) {
          return NONE;
        }
        long token = token(text, tokenStart, 1);
        if (token != NONE) {
          return token;
        }
      }
    }
    return value(text, i);
  }

  /** The value starting at {@code i}: quoted, escaped-quoted or bare. */
  private static long value(CharSequence text, int i) {
    int n = text.length();
    char first = text.charAt(i);
    if (first == '\\' && i + 1 < n && isQuote(text.charAt(i + 1))) {
      char quote = text.charAt(i + 1);
      int limit = Math.min(n - 1, i + 2 + MAX_QUOTED);
      for (int k = i + 2; k < limit; k++) {
        if (text.charAt(k) == '\\' && text.charAt(k + 1) == quote) {
          return k > i + 2 ? Detector.match(i + 2, k) : NONE;
        }
      }
      return bare(text, i + 2);
    }
    if (isQuote(first)) {
      int limit = Math.min(n, i + 1 + MAX_QUOTED);
      for (int k = i + 1; k < limit; k++) {
        char c = text.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == first) {
          return k > i + 1 && !alreadyRedacted(text, i + 1, k) ? Detector.match(i + 1, k) : NONE;
        }
      }
      return bare(text, i + 1);
    }
    return bare(text, i);
  }

  /** The text of an XML element, {@code <password>value</password>}, starting at {@code start}. */
  private static long element(CharSequence text, int start) {
    int limit = Math.min(text.length(), start + MAX_QUOTED);
    for (int k = start; k < limit; k++) {
      if (text.charAt(k) == '<') {
        return k > start && !alreadyRedacted(text, start, k) && !literal(text, start, k)
            ? Detector.match(start, k) : NONE;
      }
    }
    return NONE;
  }

  private static long bare(CharSequence text, int start) {
    int n = text.length();
    int end = start;
    while (end < n && !endsBareValue(text.charAt(end))) {
      end++;
    }
    if (end < n && text.charAt(end) == ']' && text.charAt(start) == '[') {
      end++; // [REDACTED], [FILTERED]: the bracket is the value's own
    }
    if (end == start || alreadyRedacted(text, start, end) || literal(text, start, end)) {
      return NONE;
    }
    return Detector.match(start, end);
  }

  private static long bearer(CharSequence text, int at) {
    int n = text.length();
    if (at >= n || text.charAt(at) != ' ') {
      return NONE;
    }
    return token(text, skipBlanks(text, at), MIN_BEARER_TOKEN);
  }

  /**
   * A bare {@code Basic token} (RFC 7617, an {@code Authorization} header's value logged on its
   * own): only when the token is the Base64 of {@code user:password}, printable text with a colon
   * after a user name, so that {@code Basic authentication} stays.
   */
  private static long basic(CharSequence text, int at) {
    int n = text.length();
    if (at >= n || text.charAt(at) != ' ') {
      return NONE;
    }
    long token = token(text, skipBlanks(text, at), MIN_BASIC_TOKEN);
    if (token == NONE) {
      return NONE;
    }
    String encoded = text.subSequence(Detector.start(token), Detector.end(token)).toString();
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      return NONE;
    }
    int colon = -1;
    for (int k = 0; k < decoded.length; k++) {
      int b = decoded[k] & 0xFF;
      if (b < 0x20 || b == 0x7F) {
        return NONE; // a control character: not a user name and password
      }
      if (b == ':' && colon < 0) {
        colon = k;
      }
    }
    return colon > 0 ? token : NONE;
  }

  /** A token68 (RFC 7235) of at least {@code minLength} characters at {@code start}. */
  private static long token(CharSequence text, int start, int minLength) {
    int n = text.length();
    int end = start;
    while (end < n && isToken68(text.charAt(end))) {
      end++;
    }
    if (end - start < minLength || CharClasses.alnumAt(text, end)) {
      return NONE;
    }
    return Detector.match(start, end);
  }

  /**
   * Keys start a word, follow {@code _ - .} or a quote, or start at a camel-case boundary
   * ({@code userPassword}); so do the key of a system property ({@code -Dpassword}) and a key that
   * ends a word of capitals, an environment variable's ({@code PGPASSWORD}, {@code NPMTOKEN}),
   * except {@code PWD} and {@code PASSWD} ({@code OLDPWD} is a folder, sudo's {@code NOPASSWD} a
   * keyword). {@code mytoken} is not a key.
   */
  private static boolean keyBoundary(CharSequence text, int keyStart, int keyEnd) {
    if (keyStart == 0) {
      return true;
    }
    char before = text.charAt(keyStart - 1);
    if (!CharClasses.isAlnum(before)) {
      return true;
    }
    char first = text.charAt(keyStart);
    if (first >= 'A' && first <= 'Z' && ((before >= 'a' && before <= 'z') || CharClasses.isDigit(before))) {
      return true;
    }
    if (before == 'D' && keyStart >= 2 && text.charAt(keyStart - 2) == '-'
        && !CharClasses.alnumBefore(text, keyStart - 2)) {
      return true; // -Dpassword=...
    }
    return endsWordOfCapitals(text, keyStart, keyEnd);
  }

  /**
   * Whether the key {@code [keyStart, keyEnd)} is in capitals and ends a word of capitals and
   * digits of at most {@value #MAX_CAPITALS_WORD} characters (looked at no further back, so the
   * scan stays linear on a run of capitals).
   */
  private static boolean endsWordOfCapitals(CharSequence text, int keyStart, int keyEnd) {
    for (int k = keyStart; k < keyEnd; k++) {
      if (!isCapital(text.charAt(k))) {
        return false;
      }
    }
    if (named(text, keyStart, keyEnd, "pwd") || named(text, keyStart, keyEnd, "passwd")) {
      return false;
    }
    int limit = Math.max(-1, keyEnd - MAX_CAPITALS_WORD - 1);
    for (int k = keyStart - 1; k >= 0 && CharClasses.isAlnum(text.charAt(k)); k--) {
      if (k == limit || (!isCapital(text.charAt(k)) && !CharClasses.isDigit(text.charAt(k)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean named(CharSequence text, int start, int end, String lowerName) {
    if (end - start != lowerName.length()) {
      return false;
    }
    for (int k = 0; k < lowerName.length(); k++) {
      if (CharClasses.lower(text.charAt(start + k)) != lowerName.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean alreadyRedacted(CharSequence text, int start, int end) {
    return startsWith(text, start, end, Redactor.MASK_START)
        || startsWith(text, start, end, "[REDACTION_FAILED]")
        || startsWith(text, start, end, "[credential:")
        || placeholderWord(text, start, end);
  }

  /** A bracketed word of capitals another tool put in a value's place: {@code [REDACTED]}, {@code [FILTERED]}. */
  private static boolean placeholderWord(CharSequence text, int start, int end) {
    if (end - start < 3 || text.charAt(start) != '[' || text.charAt(end - 1) != ']') {
      return false;
    }
    for (int k = start + 1; k < end - 1; k++) {
      char c = text.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** The JSON literals {@code null}, {@code true} and {@code false}: no secret. */
  private static boolean literal(CharSequence text, int start, int end) {
    return (end - start == 4 && (startsWith(text, start, end, "null") || startsWith(text, start, end, "true")))
        || (end - start == 5 && startsWith(text, start, end, "false"));
  }

  private static boolean startsWith(CharSequence text, int start, int end, String prefix) {
    return end - start >= prefix.length() && CharClasses.startsWith(text, start, prefix);
  }

  private static int skipBlanks(CharSequence text, int i) {
    int n = text.length();
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  private static boolean endsBareValue(char c) {
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case ',': case ';': case '&': case '"': case '\'':
      case '}': case ']': case ')': case '<': case '>': case '\\':
        return true;
      default:
        return false;
    }
  }

  private static boolean isToken68(char c) {
    return CharClasses.is(c, CharClasses.DIGIT | CharClasses.LETTER)
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
  }

  static List<String> builtInKeys() {
    List<String> keys = new ArrayList<>();
    try (InputStream in = BundledResources.open(CredentialDetector.class, RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE + " in piiwarden-core");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          keys.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + " in piiwarden-core", e);
    }
    return keys;
  }
}

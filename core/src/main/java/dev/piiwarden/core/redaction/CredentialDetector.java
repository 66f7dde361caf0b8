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
 * \"k\":\"v\"}, {@code k => v} and XML {@code <k>v</k>} (also with a namespace prefix or
 * attributes: {@code <wsse:Password Type="…">v</wsse:Password>}, or in a CDATA section: {@code
 * <k><![CDATA[v]]></k>}); and the token of {@code Authorization: Bearer|Basic|…
 * token} (or its parameters, {@code Authorization: Digest username="bob", …, response="…"}), a
 * bare {@code Bearer token} and a bare {@code Basic token} whose token is the Base64 of
 * {@code user:password}; and a bare JSON Web Token ({@code eyJ….eyJ….sig}). Only the value is
 * replaced; the key and quotes stay. An unquoted value ends at a blank, a quote, a backslash or one of
 * <code>, ; &amp; &lt; &gt; ) ] }</code>; a quoted one at its closing quote (looked
 * for within {@value #MAX_QUOTED} characters, else read as unquoted); one that opens with {@code
 * [} is a list up to the {@code ]} that closes it ({@link #list}); one that opens with <code>{</code>
 * is an object, left to the keys inside it. A value already redacted (a mask, a hash token, a
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
  private static final String PWD = "pwd";
  private static final String PASSWORD = "password";
  /**
   * MySQL's {@code CREATE USER 'app'@'%' IDENTIFIED BY 'hunter2'}: a key only before {@link
   * #BY_QUOTE} (keys hold no blank), as {@code password} is also before a blank and a quoted
   * string ({@code ALTER USER app WITH PASSWORD 'hunter2'}).
   */
  private static final String IDENTIFIED = "identified";
  private static final String BY_QUOTE = " by '";
  /**
   * What Spring Boot's message about an invalid property puts between the property's name and its
   * quoted value: {@code Property db.password with value 'hunter2' is invalid}.
   */
  private static final String WITH_VALUE = " with value '";
  private static final String CDATA_START = "<![CDATA[";
  private static final String CDATA_END = "]]>";
  /** The longest XML namespace prefix looked back over: {@code wsse}, {@code ns2}. */
  private static final int MAX_PREFIX = 32;
  /**
   * The session cookie of Spring Session ({@code SESSION=}) and Flask ({@code session=}): a key
   * only right before an {@code =}, as a cookie writes it.
   */
  private static final String SESSION_COOKIE = "session";
  /**
   * Express's session cookie, {@code connect.sid=s%3A…}: {@code sid} is a key only after {@code
   * connect.} and before an {@code =} ({@code sid} alone names Oracle's instance or a Windows
   * security identifier).
   */
  private static final String SID = "sid";
  private static final String CONNECT_DOT = "connect.";
  /**
   * Keys that name a credential only before an {@code =} or as a quoted key ({@code "pass":}):
   * after a bare {@code :} they are a test count ({@code pass: 12}) or prose ({@code credentials:
   * loaded from profile default}).
   */
  private static final List<String> ASSIGNED_KEYS = List.of("pass", "credentials");
  /**
   * Words that open a sentence about a credential after its key's {@code :}, where a value would
   * stand: what happened to it or what it must be.
   */
  private static final List<String> PROSE_WORDS = List.of(
      "must", "should", "is", "was", "has", "does", "did", "cannot", "not", "expired", "expires",
      "invalid", "missing", "required", "signature", "verification", "validation", "mismatch",
      "rejected", "revoked", "incorrect", "wrong", "malformed", "unknown", "too", "changed",
      "updated", "refreshed", "reset");
  /** The longest word of {@link #PROSE_WORDS}. */
  private static final int MAX_PROSE_WORD = 12;
  /** Keys shorter than this do not count at the end of a word of capitals ({@code BYPASS=1}). */
  private static final int MIN_CAPITALS_KEY = 5;
  /**
   * Placeholders in small letters that tools print instead of a secret: Kafka's configuration
   * dump writes {@code ssl.keystore.password = [hidden]}.
   */
  private static final List<String> PLACEHOLDERS = List.of("[hidden]", "[redacted]", "[filtered]", "[masked]");
  /** How a JSON Web Token starts: <code>{"</code> in Base64, its header's first characters. */
  private static final String JWT_START = "eyj";
  /** The fewest Base64url characters of a JWT's header and of its payload. */
  private static final int MIN_JWT_PART = 10;
  /** What Spring's validation message puts between a field's name and its value. */
  private static final String REJECTED_VALUE = "rejected value [";
  /** What {@link #list} returns when no {@code ]} closes the list in time: read it as bare. */
  private static final long NOT_A_LIST = -2L;
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
    keys.add(JWT_START);
    keys.add(SESSION_COOKIE);
    keys.add(SID);
    keys.add(IDENTIFIED);
    keys.addAll(SecretTokens.PREFIXES);
    keys.addAll(CommandLineFlags.KEYS);
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
    if (length > 0 && named(name, keyStart, name.length(), SID)) {
      return keyStart == CONNECT_DOT.length() && named(name, 0, keyStart, CONNECT_DOT);
    }
    return length > 0 && keyBoundary(name, keyStart, name.length())
        && !named(name, keyStart, name.length(), BASIC)
        && !named(name, keyStart, name.length(), JWT_START)
        && !named(name, keyStart, name.length(), IDENTIFIED)
        && !SecretTokens.isPrefix(name, keyStart, name.length())
        && !CommandLineFlags.isFlagKey(name, keyStart, name.length());
  }

  /**
   * Whether a credential key's whole value is kept as it is: a mask already ({@code [REDACTED:…]},
   * {@code [REDACTED]}, {@code [REDACTION_FAILED]}, a hash token), or the literal {@code null},
   * {@code true} or {@code false}.
   */
  static boolean keptValue(CharSequence value) {
    return alreadyRedacted(value, 0, value.length()) || literal(value, 0, value.length());
  }

  /**
   * {@link #keptValue}, or a value that text keeps after the key {@code name}: an absolute path
   * after {@code PWD}, the working directory.
   */
  static boolean keptValue(CharSequence name, CharSequence value) {
    return keptValue(value)
        || (named(name, 0, name.length(), PWD) && workingDirectory(value, 0));
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
    if (SecretTokens.isPrefix(text, keyStart, at)) {
      return SecretTokens.match(text, keyStart, at);
    }
    if (CommandLineFlags.isFlagKey(text, keyStart, at)) {
      return CommandLineFlags.shortFlag(text, keyStart);
    }
    if (!keyBoundary(text, keyStart, at)) {
      return NONE;
    }
    if (named(text, keyStart, at, BEARER)) {
      return bearer(text, at);
    }
    if (named(text, keyStart, at, JWT_START)) {
      return jwt(text, keyStart, at);
    }
    if (named(text, keyStart, at, BASIC)) {
      return basic(text, at);
    }
    int n = text.length();
    if (named(text, keyStart, at, SESSION_COOKIE) && (at >= n || text.charAt(at) != '=')) {
      return NONE; // "session: started", "session = 4": only a cookie's session=<id>
    }
    if (named(text, keyStart, at, SID) && !expressSession(text, keyStart, at)) {
      return NONE; // only Express's connect.sid=<id>
    }
    long option = CommandLineFlags.longOption(text, keyStart, at);
    if (option != NONE) {
      return option; // --password S3cret
    }
    if (assignedOnly(text, keyStart, at)) {
      return NONE;
    }
    if (named(text, keyStart, at, IDENTIFIED)) {
      int quote = at + BY_QUOTE.length() - 1;
      return quote < n && named(text, at, quote + 1, BY_QUOTE) ? sqlString(text, quote) : NONE;
    }
    int afterName = at < n && isQuote(text.charAt(at)) ? at + 1 : at;
    if (startsWithIgnoringCase(text, afterName, WITH_VALUE)) {
      // Spring Boot: Property spring.datasource.password with value 'hunter2' is invalid
      return value(text, afterName + WITH_VALUE.length() - 1);
    }
    if (at + 1 < n && text.charAt(at) == ' ' && text.charAt(at + 1) == '\''
        && named(text, keyStart, at, PASSWORD)) {
      // SQL: ALTER USER app WITH PASSWORD 'hunter2', CREATE ROLE r LOGIN PASSWORD 'x'
      return sqlString(text, at + 1);
    }
    if (at < n && keyStart > 0 && opensElement(text, keyStart)) {
      int tagEnd = tagEnd(text, at);
      if (tagEnd >= 0) {
        return element(text, tagEnd + 1);
      }
    }
    int i = at;
    if (i + 1 < n && text.charAt(i) == '\\' && isQuote(text.charAt(i + 1))) {
      i += 2;
    } else if (i < n && isQuote(text.charAt(i))) {
      i++;
    }
    i = CharClasses.skipBlanks(text, CharClasses.skipSgr(text, i));
    if (i >= n || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
      return NONE;
    }
    boolean colon = text.charAt(i) == ':';
    i++;
    if (i < n && text.charAt(i) == '>') {
      colon = false;
      i++;
    }
    i = CharClasses.skipSgr(text, CharClasses.skipBlanks(text, i)); // password=\u001b[1mhunter2\u001b[0m
    if (i >= n) {
      return NONE;
    }
    if (startsWith(text, i, n, REJECTED_VALUE)) {
      return rejectedValue(text, i + REJECTED_VALUE.length());
    }
    if (colon && prose(text, i)) {
      return NONE;
    }
    if (colon && keyStart > 0 && text.charAt(keyStart - 1) != ' ') {
      int userInfoAt = UrlUserInfoDetector.atAfterPassword(text, i);
      if (userInfoAt >= 0) {
        // https://x-access-token:TOKEN@github.com/org/repo.git: the host and path stay
        return Detector.match(i, UrlUserInfoDetector.passwordEnd(text, userInfoAt));
      }
    }
    if (named(text, keyStart, at, PWD) && workingDirectory(text, i)) {
      return NONE;
    }
    if (named(text, keyStart, at, AUTHORIZATION)) {
      // the scheme stays readable, also inside a quoted header value: "Bearer [REDACTED:…]", and
      // in a header map's list of values: {Authorization=[Bearer [REDACTED:…]]}, ["Bearer …"]
      int schemeStart = text.charAt(i) == '[' ? i + 1 : i;
      schemeStart = schemeStart < n && isQuote(text.charAt(schemeStart)) ? schemeStart + 1 : schemeStart;
      int scheme = schemeStart;
      while (scheme < n && (CharClasses.is(text.charAt(scheme), CharClasses.LETTER | CharClasses.DIGIT)
          || text.charAt(scheme) == '-')) {
        scheme++; // Digest, AWS4-HMAC-SHA256
      }
      if (scheme > schemeStart && scheme < n && text.charAt(scheme) == ' ') {
        int tokenStart = CharClasses.skipBlanks(text, scheme);
        if (alreadyRedacted(text, tokenStart, n)) {
          return NONE;
        }
        long params = AuthParams.list(text, tokenStart);
        if (params != NONE) {
          return params;
        }
        long token = token(text, tokenStart, 1);
        if (token != NONE) {
          return token;
        }
      }
    }
    return value(text, i);
  }

  /**
   * Whether the text after a key's {@code :} at {@code i} is a sentence about the credential, not
   * its value: a word of {@link #PROSE_WORDS} followed by a blank and another word ({@code Invalid
   * token: signature verification failed}, {@code Password: must be at least 12 characters}). A
   * value with a digit or a sign in it, or a word alone, is still a value.
   */
  private static boolean prose(CharSequence text, int i) {
    int n = text.length();
    int end = i;
    while (end < n && end - i <= MAX_PROSE_WORD && CharClasses.isLetter(text.charAt(end))) {
      end++;
    }
    if (end + 1 >= n || text.charAt(end) != ' ' || !CharClasses.isLetter(text.charAt(end + 1))) {
      return false;
    }
    for (String word : PROSE_WORDS) {
      if (named(text, i, end, word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the key {@code [keyStart, at)} is one of {@link #ASSIGNED_KEYS} and neither an {@code =}
   * follows it nor quotes surround it.
   */
  private static boolean assignedOnly(CharSequence text, int keyStart, int at) {
    boolean assigned = false;
    for (String key : ASSIGNED_KEYS) {
      assigned |= named(text, keyStart, at, key);
    }
    if (!assigned) {
      return false;
    }
    int n = text.length();
    if (at < n && text.charAt(at) == '=') {
      return false;
    }
    return !(keyStart > 0 && at < n && isQuote(text.charAt(keyStart - 1)) && isQuote(text.charAt(at)));
  }

  /**
   * Whether the key {@code sid} at {@code keyStart} is Express's cookie: {@code connect.} starting
   * a word before it, an {@code =} or a closing quote after it.
   */
  private static boolean expressSession(CharSequence text, int keyStart, int at) {
    int prefix = keyStart - CONNECT_DOT.length();
    return at < text.length() && (text.charAt(at) == '=' || isQuote(text.charAt(at)))
        && prefix >= 0 && named(text, prefix, keyStart, CONNECT_DOT)
        && !CharClasses.alnumBefore(text, prefix);
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
    if (first == '[') {
      long list = list(text, i);
      if (list != NOT_A_LIST) {
        return list;
      }
    } else if (first == '{') {
      return NONE; // an object: its own keys tell what in it is a credential
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

  /**
   * The text of the SQL string literal whose opening quote is at {@code open}: a doubled quote is
   * a quote inside it ({@code PASSWORD 'it''s-secret'}), a backslash escapes the next character
   * (MySQL). Read as {@link #value} reads a quoted value when it is not closed within {@value
   * #MAX_QUOTED} characters.
   */
  private static long sqlString(CharSequence text, int open) {
    int n = text.length();
    int limit = Math.min(n, open + 1 + MAX_QUOTED);
    for (int k = open + 1; k < limit; k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '\'') {
        if (k + 1 < n && text.charAt(k + 1) == '\'') {
          k++;
          continue;
        }
        return k > open + 1 && !alreadyRedacted(text, open + 1, k) ? Detector.match(open + 1, k) : NONE;
      }
    }
    return value(text, open);
  }

  /**
   * A list value opening at {@code open}, closed within {@value #MAX_QUOTED} characters: of
   * strings ({@code ["a","b"]}, JSON), their text from the first one's opening quote to the last
   * one's closing quote, so that {@code ["[REDACTED:credential]"]} stays valid JSON; of other
   * values ({@code [a, b]}, Java's {@code toString}), the whole list with its brackets; of
   * objects or lists, nothing (their own keys tell). {@link #NOT_A_LIST} when no {@code ]} closes
   * it in time.
   */
  private static long list(CharSequence text, int open) {
    int n = text.length();
    int first = CharClasses.skipBlanks(text, open + 1);
    if (first < n && (text.charAt(first) == '{' || text.charAt(first) == '[')) {
      return NONE;
    }
    boolean strings = first < n && isQuote(text.charAt(first));
    int limit = Math.min(n, open + 1 + MAX_QUOTED);
    char quote = 0;
    int lastClosingQuote = -1;
    for (int k = open + 1; k < limit; k++) {
      char c = text.charAt(k);
      if (quote != 0) {
        if (c == '\\') {
          k++;
        } else if (c == quote) {
          quote = 0;
          lastClosingQuote = k;
        }
      } else if (isQuote(c)) {
        quote = c;
      } else if (c == ']') {
        if (k == first) {
          return NONE; // []
        }
        if (!strings) {
          return alreadyRedacted(text, open, k + 1) ? NONE : Detector.match(open, k + 1);
        }
        return lastClosingQuote > first + 1 && !alreadyRedacted(text, first + 1, lastClosingQuote)
            ? Detector.match(first + 1, lastClosingQuote) : NONE;
      }
    }
    return NOT_A_LIST;
  }

  /**
   * The value Spring's validation message quotes after a credential field: {@code on field
   * 'password': rejected value [hunter2]; codes [...]}, the text up to the {@code ]} at {@code
   * start}'s bracket.
   */
  private static long rejectedValue(CharSequence text, int start) {
    int limit = Math.min(text.length(), start + MAX_QUOTED);
    for (int k = start; k < limit; k++) {
      if (text.charAt(k) == ']') {
        return k > start && !literal(text, start, k) ? Detector.match(start, k) : NONE;
      }
    }
    return NONE;
  }

  /**
   * Whether the value at {@code i} of a {@code PWD} key is an absolute path, optionally quoted:
   * the shell's working directory in an environment dump ({@code PWD=/app}), no password.
   */
  private static boolean workingDirectory(CharSequence text, int i) {
    int k = i < text.length() && isQuote(text.charAt(i)) ? i + 1 : i;
    return k < text.length() && text.charAt(k) == '/';
  }

  /**
   * Whether the key at {@code keyStart} is an XML element's name: after {@code <}, or after a
   * namespace prefix of at most {@value #MAX_PREFIX} characters ({@code <wsse:Password>}, as SOAP
   * payloads write WS-Security's password).
   */
  private static boolean opensElement(CharSequence text, int keyStart) {
    char before = text.charAt(keyStart - 1);
    if (before == '<') {
      return true;
    }
    if (before != ':') {
      return false;
    }
    int k = keyStart - 2;
    while (k >= 0 && keyStart - 2 - k < MAX_PREFIX && (CharClasses.isAlnum(text.charAt(k))
        || text.charAt(k) == '_' || text.charAt(k) == '-' || text.charAt(k) == '.')) {
      k--;
    }
    return k >= 0 && k < keyStart - 2 && text.charAt(k) == '<';
  }

  /**
   * The {@code >} that ends the start tag whose name ends at {@code at}: right there, or after
   * attributes ({@code <wsse:Password Type="…">}) within {@value #MAX_QUOTED} characters; -1 for
   * none, or for an empty element ({@code <password/>}).
   */
  private static int tagEnd(CharSequence text, int at) {
    char first = text.charAt(at);
    if (first == '>') {
      return at;
    }
    if (first != ' ' && first != '\t' && first != '\n') {
      return -1;
    }
    int limit = Math.min(text.length(), at + MAX_QUOTED);
    for (int k = at + 1; k < limit; k++) {
      char c = text.charAt(k);
      if (c == '<') {
        return -1;
      }
      if (c == '>') {
        return text.charAt(k - 1) == '/' ? -1 : k;
      }
    }
    return -1;
  }

  /**
   * The text of an XML element, {@code <password>value</password>}, starting at {@code start}; of a
   * CDATA section, {@code <password><![CDATA[value]]></password>}, its content (the section's
   * markup stays).
   */
  private static long element(CharSequence text, int start) {
    if (CharClasses.startsWith(text, start, CDATA_START)) {
      int content = start + CDATA_START.length();
      int limit = Math.min(text.length() - CDATA_END.length() + 1, content + MAX_QUOTED);
      for (int k = content; k < limit; k++) {
        if (text.charAt(k) == ']' && CharClasses.startsWith(text, k, CDATA_END)) {
          return k > content && !alreadyRedacted(text, content, k) ? Detector.match(content, k) : NONE;
        }
      }
      return NONE;
    }
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
    return token(text, CharClasses.skipBlanks(text, at), MIN_BEARER_TOKEN);
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
    long token = token(text, CharClasses.skipBlanks(text, at), MIN_BASIC_TOKEN);
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

  /**
   * A bare JSON Web Token (RFC 7519) starting at {@code start}, {@code eyJ} found up to {@code at}:
   * {@code eyJ<header>.eyJ<payload>.<signature>} in Base64url, the signature possibly empty
   * ({@code alg: none}), header and payload of at least {@value #MIN_JWT_PART} characters. Its
   * payload is JSON about the holder, often with an e-mail address, and the token logs them in.
   */
  private static long jwt(CharSequence text, int start, int at) {
    if (text.charAt(at - 1) != 'J' || text.charAt(start) != 'e' || text.charAt(start + 1) != 'y') {
      return NONE;
    }
    int headerEnd = base64UrlEnd(text, at);
    int payloadStart = headerEnd + 1;
    if (headerEnd - start < MIN_JWT_PART || headerEnd >= text.length() || text.charAt(headerEnd) != '.'
        || !CharClasses.startsWith(text, payloadStart, "eyJ")) {
      return NONE;
    }
    int payloadEnd = base64UrlEnd(text, payloadStart);
    if (payloadEnd - payloadStart < MIN_JWT_PART || payloadEnd >= text.length()
        || text.charAt(payloadEnd) != '.') {
      return NONE;
    }
    int end = base64UrlEnd(text, payloadEnd + 1);
    return end < text.length() && isToken68(text.charAt(end)) && text.charAt(end) != '.'
        ? NONE : Detector.match(start, end);
  }

  private static int base64UrlEnd(CharSequence text, int from) {
    int end = from;
    while (end < text.length() && (CharClasses.is(text.charAt(end), CharClasses.DIGIT | CharClasses.LETTER)
        || text.charAt(end) == '-' || text.charAt(end) == '_')) {
      end++;
    }
    return end;
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
    if (!CharClasses.isAlnum(before) || CharClasses.escapeBefore(text, keyStart)
        || CharClasses.sgrBefore(text, keyStart)) {
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
    if (keyEnd - keyStart < MIN_CAPITALS_KEY) {
      return false;
    }
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
        || placeholderWord(text, start, end)
        || lowerCasePlaceholder(text, start, end);
  }

  private static boolean lowerCasePlaceholder(CharSequence text, int start, int end) {
    for (String placeholder : PLACEHOLDERS) {
      int stop = start + placeholder.length();
      if (startsWith(text, start, end, placeholder) && (stop == end || endsBareValue(text.charAt(stop)))) {
        return true;
      }
    }
    return false;
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

  private static boolean startsWithIgnoringCase(CharSequence text, int start, String lowerPrefix) {
    return start + lowerPrefix.length() <= text.length()
        && named(text, start, start + lowerPrefix.length(), lowerPrefix);
  }


  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  static boolean endsBareValue(char c) {
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case ',': case ';': case '&': case '"': case '\'':
      case '}': case ']': case ')': case '<': case '>': case '\\': case CharClasses.ESC:
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

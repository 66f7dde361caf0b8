package dev.piiwarden.core.redaction;

/** ASCII character classes the scan and the detectors test with one table look-up. */
final class CharClasses {
  static final int DIGIT = 1;
  static final int LETTER = 1 << 1;
  static final int HEX = 1 << 2;
  /** What an email local part may hold here: letters, digits and {@code . _ % + -}. */
  static final int LOCAL = 1 << 3;
  /** What a domain name may hold: letters, digits, {@code .} and {@code -}. */
  static final int DOMAIN = 1 << 4;
  static final int SPACE = 1 << 5;
  /** A letter or digit outside ASCII. */
  static final int OTHER_ALNUM = 1 << 6;
  /** Letters and digits, ASCII or not. */
  static final int ALNUM = DIGIT | LETTER | OTHER_ALNUM;

  private static final byte[] TABLE = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TABLE[c] = (byte) (DIGIT | HEX | LOCAL | DOMAIN);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TABLE[c] = (byte) (LETTER | LOCAL | DOMAIN | (c <= 'f' ? HEX : 0));
      TABLE[c - 32] = TABLE[c];
    }
    for (char c : new char[] {'.', '-'}) {
      TABLE[c] = (byte) (LOCAL | DOMAIN);
    }
    for (char c : new char[] {'_', '%', '+'}) {
      TABLE[c] = (byte) LOCAL;
    }
    for (char c : new char[] {' ', '\t', '\n', '\r', '\f'}) {
      TABLE[c] = (byte) SPACE;
    }
  }

  /** The escape character that starts an ANSI colour or style code. */
  static final char ESC = '\u001b';
  /** The most parameter characters of an ANSI colour or style code read ({@code 38;2;255;255;255}). */
  static final int MAX_SGR = 16;

  private CharClasses() {}

  /** The class bits of {@code c}; outside ASCII only {@link #OTHER_ALNUM}. */
  static int of(char c) {
    if (c < 128) {
      return TABLE[c];
    }
    return Character.isLetterOrDigit(c) ? OTHER_ALNUM : 0;
  }

  static boolean is(char c, int classes) {
    return c < 128 && (TABLE[c] & classes) != 0;
  }

  /** What an email local part may hold: {@link #LOCAL}, or a letter or digit outside ASCII (RFC 6531). */
  static boolean inLocalPart(char c) {
    return c < 128 ? (TABLE[c] & LOCAL) != 0 : Character.isLetterOrDigit(c);
  }

  /** What a domain name may hold: {@link #DOMAIN}, or a letter or digit outside ASCII (an IDN's labels). */
  static boolean inDomain(char c) {
    return c < 128 ? (TABLE[c] & DOMAIN) != 0 : Character.isLetterOrDigit(c);
  }

  /** A letter, ASCII or not. */
  static boolean isLetter(char c) {
    return c < 128 ? (TABLE[c] & LETTER) != 0 : Character.isLetter(c);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A letter or digit, ASCII or not: what must not touch a match on either side. */
  static boolean isAlnum(char c) {
    return c < 128 ? (TABLE[c] & (DIGIT | LETTER)) != 0 : Character.isLetterOrDigit(c);
  }

  /**
   * Whether the character before {@code at} (if any) is a letter or digit, not counting the letter
   * of a string escape ({@link #escapeBefore}) or of an ANSI colour code ({@link #sgrBefore}).
   */
  static boolean alnumBefore(CharSequence text, int at) {
    return at > 0 && isAlnum(text.charAt(at - 1)) && !escapeBefore(text, at) && !sgrBefore(text, at);
  }

  /**
   * Whether a string escape {@code \n}, {@code \t} or {@code \r} ends right before {@code at}:
   * in JSON logs (a container's json-file log, a {@code message} or {@code stack_trace} field) it
   * stands for a line break or tab, so it ends a word, and it is never part of a value. A
   * backslash escaped itself ({@code \\n}, the two characters backslash and {@code n}) is no
   * escape; an escaped backslash before it is not looked for further back.
   */
  static boolean escapeBefore(CharSequence text, int at) {
    return at >= 2 && escapeLetter(text.charAt(at - 1)) && text.charAt(at - 2) == '\\'
        && (at < 3 || text.charAt(at - 3) != '\\');
  }

  /**
   * Whether an ANSI colour or style code (SGR, {@code ESC [ 1 ; 31 m}) ends right before {@code at}:
   * a terminal's log holds them glued to values ({@code \u001b[31mjane@example.com\u001b[0m}), and
   * like a blank they end a word and are never part of a value. At most {@value #MAX_SGR}
   * characters of parameters are looked back over.
   */
  static boolean sgrBefore(CharSequence text, int at) {
    if (at < 3 || text.charAt(at - 1) != 'm') {
      return false;
    }
    int k = at - 2;
    int limit = Math.max(0, at - 2 - MAX_SGR);
    while (k > limit && (isDigit(text.charAt(k)) || text.charAt(k) == ';')) {
      k--;
    }
    return k >= 1 && text.charAt(k) == '[' && text.charAt(k - 1) == ESC;
  }

  /** The end of the ANSI colour or style code ({@link #sgrBefore}) starting at {@code at}, or -1. */
  static int sgrEnd(CharSequence text, int at) {
    int n = text.length();
    if (at + 2 >= n || text.charAt(at) != ESC || text.charAt(at + 1) != '[') {
      return -1;
    }
    int limit = Math.min(n, at + 2 + MAX_SGR);
    for (int k = at + 2; k < limit; k++) {
      char c = text.charAt(k);
      if (c == 'm') {
        return k + 1;
      }
      if (!isDigit(c) && c != ';') {
        return -1;
      }
    }
    return -1;
  }

  /** {@code at}, or past the ANSI colour or style codes that start there. */
  static int skipSgr(CharSequence text, int at) {
    int end = sgrEnd(text, at);
    while (end > 0) {
      at = end;
      end = sgrEnd(text, at);
    }
    return at;
  }

  /** The letter of an escape that stands for a blank: {@code n}, {@code t}, {@code r}. */
  static boolean escapeLetter(char c) {
    return c == 'n' || c == 't' || c == 'r';
  }

  /** Whether the character at {@code at} (if any) is a letter or digit. */
  static boolean alnumAt(CharSequence text, int at) {
    return at < text.length() && isAlnum(text.charAt(at));
  }

  /** Whether {@code text} holds {@code prefix} at {@code at}. */
  static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at < 0 || at + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (text.charAt(at + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Whether {@code lowerWord} (lower case; the text in any case) starts at {@code from} in {@code text}. */
  static boolean startsWithLower(CharSequence text, int from, String lowerWord) {
    if (from < 0 || from + lowerWord.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      if (lower(text.charAt(from + k)) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The first position from {@code i} on that holds no space or tab. */
  static int skipBlanks(CharSequence text, int i) {
    int n = text.length();
    int at = i;
    while (at < n && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * Credentials given as flags in a logged command line: curl's {@code -u user:password} and {@code
 * --user user:password} (the password), MySQL's {@code -pPASSWORD} glued to its flag, {@code -p
 * PASSWORD} after a {@code login} ({@code docker login -u bob -p S3cret}) or with {@code sshpass},
 * and {@code --password S3cret}, {@code --token …}, any credential key as a long option with its
 * value after a blank.
 *
 * <p>A flag follows a blank, a quote, an opening bracket or a comma; not the text's start, so that
 * a part of a text (a log call's argument) holds no flag the whole text does not, as the {@link
 * CandidateFilter}'s conditions require (a {@code -u} with its colon is one at the start too). The short flags are ambiguous, so the
 * command decides, looked for among the words before the flag on its line (at most {@value
 * #MAX_LOOK_BACK} characters back, and not past an earlier flag of the same letter, so that each
 * character is looked at once more at most): a glued {@code -p} counts after {@code mysql…} or
 * {@code mariadb…} only ({@code -pthread}, {@code -print}, {@code -port 8080} stay), a {@code -p}
 * and a blank after {@code login} or {@code sshpass} only ({@code ls -p}, {@code cp -p a b}, {@code
 * docker run -p 8080:80} stay), and {@code -P} is never one (MySQL's port). A {@code -u} value is a
 * user and group, not a password, under {@code docker}, {@code podman} and their kind, when both
 * are numbers or when they are the same ({@code -u 1000:1000}, {@code -u app:app}).
 */
final class CommandLineFlags {
  static final int MAX_LOOK_BACK = 128;
  /** The longest long option's name read back over before its key ({@code --source-db-password}). */
  static final int MAX_OPTION = 64;
  /** The keys the credential scan's automaton finds these short flags by. */
  static final List<String> KEYS = List.of("-u", "-p");
  private static final List<String> GLUED_PASSWORD_COMMANDS = List.of("mysql", "mariadb");
  private static final List<String> PASSWORD_COMMANDS =
      List.of("login", "sshpass", "mysql", "mariadb");
  /** Commands whose {@code -u} takes a user and group ({@code docker run -u app:staff}). */
  private static final List<String> USER_GROUP_COMMANDS =
      List.of("docker", "podman", "nerdctl", "buildah", "runuser", "kubectl");
  private static final String LONG_USER = "ser";
  /**
   * Words that follow a flag's name in a sentence about it, where a value would stand: {@code
   * missing --password argument}, {@code use --token to log in}. No secret is one of them.
   */
  private static final List<String> PROSE_WORDS = List.of(
      "a", "an", "and", "are", "argument", "as", "flag", "for", "from", "given", "if", "in", "instead",
      "is", "missing", "must", "not", "of", "on", "only", "option", "or", "parameter", "required",
      "the", "to", "was", "when", "with");

  private CommandLineFlags() {}

  /** Whether the key {@code [keyStart, keyEnd)} is one of {@link #KEYS}. */
  static boolean isFlagKey(CharSequence text, int keyStart, int keyEnd) {
    return keyEnd - keyStart == 2 && text.charAt(keyStart) == '-'
        && (CharClasses.lower(text.charAt(keyStart + 1)) == 'u'
            || CharClasses.lower(text.charAt(keyStart + 1)) == 'p');
  }

  /**
   * Whether a flag starts at {@code dash}: after a blank, a quote, an opening bracket or a comma. The
   * {@link CandidateFilter} looks for the same.
   */
  static boolean flagStart(CharSequence text, int dash) {
    if (dash == 0) {
      return false; // see the class comment
    }
    return boundary(text.charAt(dash - 1));
  }

  /** What a flag follows, and what ends a command's name looking back: a blank, a quote, a bracket, a comma. */
  private static boolean boundary(char c) {
    switch (c) {
      case ' ': case '\t': case '"': case '\'': case '`': case '(': case '[': case '{': case '<': case ',':
        return true;
      default:
        return false;
    }
  }

  /** The secret of the short flag {@code -u} or {@code -p} at {@code dash}, or {@link Detector#NONE}. */
  static long shortFlag(CharSequence text, int dash) {
    int n = text.length();
    char letter = text.charAt(dash + 1);
    if (letter == 'u') {
      if (dash == 0 || flagStart(text, dash)) {
        return userAndPassword(text, dash, dash + 2);
      }
      if (dash > 0 && text.charAt(dash - 1) == '-' && flagStart(text, dash - 1)
          && CharClasses.startsWith(text, dash + 2, LONG_USER)) {
        return userAndPassword(text, dash - 1, dash + 2 + LONG_USER.length()); // --user
      }
      return Detector.NONE;
    }
    if (letter != 'p' || !flagStart(text, dash)) {
      return Detector.NONE;
    }
    int at = dash + 2;
    if (at >= n) {
      return Detector.NONE;
    }
    char next = text.charAt(at);
    if (next == ' ' || next == '\t') {
      int start = CharClasses.skipBlanks(text, at);
      long value = spacedValue(text, start);
      return value != Detector.NONE && !portMapping(text, start, Detector.end(value))
          && command(text, dash, 'p', PASSWORD_COMMANDS) ? value : Detector.NONE;
    }
    if (endsValue(next) || next == '-' || next == '=') {
      return Detector.NONE;
    }
    long value = value(text, at);
    return value != Detector.NONE && command(text, dash, 'p', GLUED_PASSWORD_COMMANDS)
        ? value : Detector.NONE;
  }

  /**
   * The value of a credential key written as a long option, {@code --password S3cret} or {@code
   * --db-password S3cret}: the key ending at {@code at} ends the option's name, which starts with
   * {@code --} and a letter at a flag's start (at most {@value #MAX_OPTION} characters before the
   * key), a blank follows, and the value is no further flag. {@link Detector#NONE} otherwise,
   * also for {@code --password=…}, which the key's {@code =} takes.
   */
  static long longOption(CharSequence text, int keyStart, int at) {
    int n = text.length();
    if (keyStart < 2 || at >= n || (text.charAt(at) != ' ' && text.charAt(at) != '\t')) {
      return Detector.NONE;
    }
    int limit = Math.max(0, keyStart - MAX_OPTION);
    int k = keyStart - 1;
    while (k > limit && optionName(text.charAt(k))) {
      k--;
    }
    // k + 1 is where the run of name characters before the key starts: it must be the "--"
    int dashes = optionName(text.charAt(k)) ? k : k + 1;
    if (dashes + 2 > keyStart || text.charAt(dashes) != '-' || text.charAt(dashes + 1) != '-'
        || !CharClasses.isLetter(text.charAt(dashes + 2)) || !flagStart(text, dashes)) {
      return Detector.NONE;
    }
    return spacedValue(text, CharClasses.skipBlanks(text, at));
  }

  /** {@link #value} after a flag and a blank, but none that is a word of {@link #PROSE_WORDS}. */
  private static long spacedValue(CharSequence text, int start) {
    long value = value(text, start);
    if (value == Detector.NONE || Detector.start(value) != start) {
      return value; // quoted: a value whatever it says
    }
    int end = Detector.end(value);
    for (String word : PROSE_WORDS) {
      if (end - start == word.length() && CharClasses.startsWithLower(text, start, word)) {
        return Detector.NONE;
      }
    }
    return value;
  }

  private static boolean optionName(char c) {
    return CharClasses.is(c, CharClasses.LETTER | CharClasses.DIGIT) || c == '-' || c == '_' || c == '.';
  }

  /**
   * The password of the {@code user:password} after the {@code -u} or {@code --user} at {@code
   * dash}, its name ending at {@code at}.
   */
  private static long userAndPassword(CharSequence text, int dash, int at) {
    int n = text.length();
    if (at >= n || (text.charAt(at) != ' ' && text.charAt(at) != '\t' && text.charAt(at) != '=')) {
      return Detector.NONE;
    }
    int start = text.charAt(at) == '=' ? at + 1 : CharClasses.skipBlanks(text, at);
    boolean quoted = start < n && (text.charAt(start) == '"' || text.charAt(start) == '\'');
    int userStart = quoted ? start + 1 : start;
    int colon = userStart;
    int limit = Math.min(n, userStart + MAX_LOOK_BACK);
    while (colon < limit && text.charAt(colon) != ':' && text.charAt(colon) != '['
        && !endsValue(text.charAt(colon))) {
      colon++; // a [ would let the colon be a mask's, which the filter does not count
    }
    if (colon == userStart || colon >= limit || text.charAt(colon) != ':') {
      return Detector.NONE;
    }
    int end = colon + 1;
    char quote = quoted ? text.charAt(start) : 0;
    while (end < limit && (quoted ? text.charAt(end) != quote : !endsValue(text.charAt(end)))) {
      end++; // a quoted user:password ends at its closing quote only: -u "bob:pa ss"
    }
    if (quoted && (end >= limit || text.charAt(end) != quote)) {
      return Detector.NONE;
    }
    if (end == colon + 1 || sameOrNumbers(text, userStart, colon, end)
        || CredentialDetector.keptValue(text.subSequence(colon + 1, end))
        || command(text, dash, 'u', USER_GROUP_COMMANDS)) {
      return Detector.NONE;
    }
    return Detector.match(colon + 1, end);
  }

  /** Whether user {@code [start, colon)} and what follows to {@code end} are both numbers, or alike. */
  private static boolean sameOrNumbers(CharSequence text, int start, int colon, int end) {
    if (allDigits(text, start, colon) && allDigits(text, colon + 1, end)) {
      return true;
    }
    if (end - colon - 1 != colon - start) {
      return false;
    }
    for (int k = start; k < colon; k++) {
      if (text.charAt(k) != text.charAt(colon + 1 + k - start)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(CharSequence text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!CharClasses.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return to > from;
  }

  /** Whether {@code [from, to)} is a port mapping ({@code 8080:80}, {@code 127.0.0.1:80:80/tcp}). */
  private static boolean portMapping(CharSequence text, int from, int to) {
    boolean separator = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == ':' || c == '/') {
        separator = true;
      } else if (!CharClasses.isDigit(c) && c != '.' && c != '-' && !(c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return separator && CharClasses.isDigit(text.charAt(from));
  }

  /**
   * A flag's value at {@code start}: a word up to a blank, or a quoted string; none when it is
   * missing or is a further flag.
   */
  private static long value(CharSequence text, int start) {
    int n = text.length();
    if (start >= n || text.charAt(start) == '-') {
      return Detector.NONE;
    }
    char first = text.charAt(start);
    if (first == '"' || first == '\'') {
      int limit = Math.min(n, start + 1 + CredentialDetector.MAX_QUOTED);
      for (int k = start + 1; k < limit; k++) {
        if (text.charAt(k) == first) {
          return k > start + 1 ? Detector.match(start + 1, k) : Detector.NONE;
        }
      }
      return Detector.NONE;
    }
    int end = start;
    while (end < n && !endsValue(text.charAt(end))) {
      end++;
    }
    return end > start && !CredentialDetector.keptValue(text.subSequence(start, end))
        ? Detector.match(start, end) : Detector.NONE;
  }

  /**
   * Whether a word of {@code names} (a command's name, or its start: {@code mysqldump}, {@code
   * /usr/bin/mysql}) comes before the flag {@code -letter} at {@code dash} on its line.
   */
  private static boolean command(CharSequence text, int dash, char letter, List<String> names) {
    int limit = Math.max(0, dash - MAX_LOOK_BACK);
    int wordEnd = dash;
    for (int k = dash - 1; k >= limit - 1; k--) {
      char c = k < limit ? ' ' : text.charAt(k);
      if (c == '\n' || c == '\r' || c == '|' || c == ';') {
        return named(text, k + 1, wordEnd, names);
      }
      if (boundary(c) || c == '/' || c == '=') {
        if (named(text, k + 1, wordEnd, names)) {
          return true;
        }
        wordEnd = k;
      } else if (c == '-' && k + 1 < dash && text.charAt(k + 1) == letter && flagStart(text, k)) {
        return false; // an earlier flag of this letter looked back from here already
      }
    }
    return false;
  }

  private static boolean named(CharSequence text, int start, int end, List<String> names) {
    for (String name : names) {
      if (end - start >= name.length() && CharClasses.startsWithLower(text, start, name)) {
        return true;
      }
    }
    return false;
  }


  /** Where a flag's bare value ends: where a key's does ({@link CredentialDetector}), or at a pipe. */
  private static boolean endsValue(char c) {
    return c == '|' || CredentialDetector.endsBareValue(c);
  }
}

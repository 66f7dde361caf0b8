package dev.piiwarden.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A file path given to PII Warden (an audit trail, a consent ledger, a key file, a taxonomy
 * extension; with or without its {@code jsonl:} or {@code file:} scheme) as a message or an audit
 * record may show it: each part of it that holds personal data masked as {@link QuotedValue} masks
 * a value, the rest as given, so the operator still sees which file is meant. A file name is also
 * looked at without its extensions: {@code jane.doe@example.com.json} is an address before {@code
 * .json}, which the e-mail detector alone does not take for one ({@code .json} is no top-level
 * domain), and is shown {@code [REDACTED:email].json}. A plain number that ends a longer name is
 * shown as it is ({@code junit-5935952468114563801}): there it is a generated id (a temporary
 * folder's, a time, a process id), even when it passes a card's Luhn check.
 */
public final class ShownPath {
  private ShownPath() {}

  /** {@code path} with its personal parts masked: {@code /srv/[REDACTED:email]/audit.jsonl}. */
  public static String of(String path) {
    if (path == null) {
      return null;
    }
    return replaced(path, personalParts(path));
  }

  /** {@link #of} in single quotes, as option values are quoted in messages. */
  public static String quoted(String path) {
    return "'" + of(path) + "'";
  }

  /**
   * {@code text} (a message that may name {@code path}, a file beside it, or a folder of it, in any
   * form) with each personal part of {@code path} masked wherever it appears.
   */
  public static String scrub(String text, String path) {
    if (text == null || path == null || path.isEmpty()) {
      return text;
    }
    return replaced(text, personalParts(path));
  }

  /** Pairs of a personal piece of {@code path} (in a folder or file name) and how it is shown. */
  private static List<String[]> personalParts(String path) {
    List<String[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == '\\') {
        if (i > start) {
          String[] part = personalPart(path.substring(start, i));
          if (part != null) {
            // the longest first, so that a part holding another is replaced whole
            int at = 0;
            while (at < parts.size() && parts.get(at)[0].length() >= part[0].length()) {
              at++;
            }
            parts.add(at, part);
          }
        }
        start = i + 1;
      }
    }
    return parts;
  }

  /**
   * The personal piece of a folder or file name and its mask, without what the two have in common
   * at their start and end ({@code jsonl:}, {@code .json}), so that the piece is found in a message
   * that names the file in another form; null when the name holds none.
   */
  private static String[] personalPart(String name) {
    String shown = QuotedValue.of(name).shown();
    // jane.doe@example.com.json, report.jane.doe@example.com.tar.gz: the name before its extensions
    for (int dot = name.lastIndexOf('.'); dot > 0 && shown.equals(name); dot = name.lastIndexOf('.', dot - 1)) {
      QuotedValue stem = QuotedValue.of(name.substring(0, dot));
      if (stem.masked()) {
        shown = stem.shown() + name.substring(dot);
      }
    }
    if (shown.equals(name)) {
      return null;
    }
    int start = 0;
    while (start < name.length() && start < shown.length() && name.charAt(start) == shown.charAt(start)) {
      start++;
    }
    int end = 0;
    while (end < name.length() - start && end < shown.length() - start
        && name.charAt(name.length() - 1 - end) == shown.charAt(shown.length() - 1 - end)) {
      end++;
    }
    String piece = name.substring(start, name.length() - end);
    if (start > 0 && piece.chars().allMatch(Character::isDigit)) {
      // a number that ends a longer name is a generated id (junit-5935952468114563801, app-<time>,
      // a process id), not someone's card that happens to pass the Luhn check
      return null;
    }
    return new String[] {piece, shown.substring(start, shown.length() - end)};
  }

  private static String replaced(String text, List<String[]> parts) {
    String result = text;
    for (String[] part : parts) {
      result = result.replace(part[0], part[1]);
    }
    return result;
  }
}

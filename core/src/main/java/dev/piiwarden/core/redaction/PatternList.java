package dev.piiwarden.core.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated list of user patterns ({@code piiwarden.redaction.patterns}) where a
 * comma separates two patterns and not where it belongs to one: a comma inside a repetition
 * ({@code \d{3,4}}), a character class ({@code [,;]}), a group ({@code (a|b,c)}) or escaped
 * ({@code \,}) stays in its pattern. Pieces are stripped; empty pieces are kept, for the caller to
 * refuse.
 */
public final class PatternList {
  private PatternList() {}

  /** The patterns of {@code value}, in order. */
  public static List<String> split(String value) {
    List<String> patterns = new ArrayList<>();
    int start = 0;
    int braces = 0;
    int groups = 0;
    boolean inClass = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++; // the escaped character is a literal
      } else if (inClass) {
        if (c == ']' && !classJustOpened(value, i)) {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '{') {
        braces++;
      } else if (c == '}' && braces > 0) {
        braces--;
      } else if (c == '(') {
        groups++;
      } else if (c == ')' && groups > 0) {
        groups--;
      } else if (c == ',' && braces == 0 && groups == 0) {
        patterns.add(value.substring(start, i).strip());
        start = i + 1;
      }
    }
    patterns.add(value.substring(start).strip());
    return patterns;
  }

  /** A {@code ]} first in a class ({@code []…]} or {@code [^]…]}) is a literal. */
  private static boolean classJustOpened(String value, int at) {
    int open = at - 1;
    if (open >= 0 && value.charAt(open) == '^') {
      open--;
    }
    return open >= 0 && value.charAt(open) == '[';
  }
}

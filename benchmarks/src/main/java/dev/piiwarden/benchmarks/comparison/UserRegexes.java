package dev.piiwarden.benchmarks.comparison;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regular expressions a team would plausibly deploy to mask personal data in its logs with
 * the tools it already has: the widely circulated pattern for each type, one or two per type,
 * written once here and given to both comparators. The README lists them.
 *
 * <p>Only the credential pattern has a capturing group, its first: the key and separator, kept in
 * the output ({@code $1}). Every other group is non-capturing, so in the one alternation for
 * Logback's {@code %replace} the credential's prefix is still group 1 and the other alternatives
 * leave it empty.
 */
public final class UserRegexes {
  /** The replacement of the single {@code %replace}: one mask for every type. */
  public static final String ALTERNATION_MASK = "$1[REDACTED]";

  /** Patterns by type key, in the order PII Warden's detectors run. */
  public static final Map<String, List<String>> BY_TYPE = byType();

  private UserRegexes() {}

  private static Map<String, List<String>> byType() {
    Map<String, List<String>> patterns = new LinkedHashMap<>();
    patterns.put("credential", List.of(
        "((?i:password|passwd|pwd|secret|token|api[_-]?key)[\\x22\\x27]?\\s*[:=]\\s*[\\x22\\x27]?"
            + "|(?i:bearer|basic)\\s+)[^\\s\\x22\\x27,;&}]+"));
    patterns.put("card", List.of("\\b(?:\\d[ -]*?){13,16}\\b"));
    patterns.put("iban", List.of("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"));
    patterns.put("ssn", List.of("\\b\\d{3}-\\d{2}-\\d{4}\\b"));
    patterns.put("email", List.of("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
    patterns.put("phone", List.of("(?:\\+\\d{1,3}[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}\\b"));
    patterns.put("ip", List.of(
        "\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b",
        "(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?"
            + "|::(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{1,4}"));
    return Collections.unmodifiableMap(patterns);
  }

  /** The mask a comparator writes for a type; the credential keeps its key ({@code $1}). */
  public static String maskOf(String type) {
    return (type.equals("credential") ? "$1" : "") + "[REDACTED:" + type + "]";
  }

  /** Every pattern as one alternation, for a single {@code %replace}. */
  public static String alternation() {
    StringBuilder regex = new StringBuilder();
    for (List<String> patterns : BY_TYPE.values()) {
      for (String pattern : patterns) {
        regex.append(regex.length() == 0 ? "" : "|").append("(?:").append(pattern).append(')');
      }
    }
    return regex.toString();
  }
}

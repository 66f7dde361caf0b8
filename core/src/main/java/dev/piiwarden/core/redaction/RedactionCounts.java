package dev.piiwarden.core.redaction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many values a {@link Redactor} replaced, per type, and how many redactions failed, over an
 * interval: what the audit trail's {@code redaction} events report.
 *
 * <p>Types are the detector keys ({@code email}, {@code card}, ...), the type names of user
 * patterns, and {@code annotated} for {@code @PersonalData} members rendered by {@link
 * ObjectRedaction}. Every configured type is present, with zero when nothing was replaced.
 */
public final class RedactionCounts {
  private final Map<String, Long> byType;
  private final long failures;

  RedactionCounts(Map<String, Long> byType, long failures) {
    this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    this.failures = failures;
  }

  /** Replacements per type, in a fixed order: built-in types, user patterns, {@code annotated}. */
  public Map<String, Long> byType() {
    return byType;
  }

  /** The replacements of one type; zero for a type not configured. */
  public long count(String type) {
    return byType.getOrDefault(type, 0L);
  }

  /** All replacements. */
  public long total() {
    long total = 0;
    for (long count : byType.values()) {
      total += count;
    }
    return total;
  }

  /** Redactions that failed and gave {@code [REDACTION_FAILED]}. */
  public long failures() {
    return failures;
  }

  /** Whether nothing was replaced and nothing failed. */
  public boolean isEmpty() {
    return failures == 0 && total() == 0;
  }

  @Override
  public String toString() {
    return "RedactionCounts" + byType + ", failures=" + failures;
  }
}

package dev.piiwarden.benchmarks.logging;

/**
 * The two log calls the benchmarks make, the same shape on both frameworks: a format with two
 * string arguments. The personal one's second argument is an e-mail address (an example.com
 * address, not a real one), so redaction replaces it; the clean one's has nothing to find.
 */
final class LogMessages {
  static final String FORMAT = "order {} shipped to {}";
  static final String ORDER = "A-10428";
  static final String CLEAN_ARGUMENT = "warehouse north-2";
  static final String PERSONAL_ARGUMENT = "jane.doe@example.com";
  static final String PATTERN = "%level %logger %msg%n";
  /** The appender targets of the call benchmarks. */
  static final String NULL_STREAM = "null-stream";
  static final String FILE = "file";

  private LogMessages() {}
}

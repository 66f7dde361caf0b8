package dev.piiwarden.agent.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The value checks that {@link AgentOption} names. */
final class OptionChecks {
  private static final Set<String> DETECTORS =
      Set.of("email", "phone", "card", "iban", "ip", "ssn", "credential");
  /** Backreferences and lookaround cannot be matched in linear time. */
  private static final Pattern NOT_LINEAR = Pattern.compile("\\\\[1-9]|\\\\k<|\\(\\?<?[=!]");

  private OptionChecks() {}

  static AgentOption.Check oneOf(String... allowed) {
    Set<String> values = Set.of(allowed);
    return value ->
        values.contains(value) ? Optional.empty() : Optional.of("'" + value + "' is not allowed");
  }

  /**
   * {@code annotated} (the {@code @ConsentRequired} methods), {@code all} (those and every activity
   * of the inventory fragments that reads personal data) or {@code none}.
   */
  static Optional<String> auditAccess(String value) {
    return oneOf("annotated", "all", "none").problem(value);
  }

  static Optional<String> bool(String value) {
    return oneOf("true", "false").problem(value);
  }

  static Optional<String> duration(String value) {
    try {
      Duration duration = Duration.parse(value);
      return duration.isNegative()
          ? Optional.of("'" + value + "' is negative")
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of("'" + value + "' is not an ISO-8601 duration");
    }
  }

  static Optional<String> detectors(String value) {
    if (value.equals("all")) {
      return Optional.empty();
    }
    for (String detector : value.split(",", -1)) {
      if (!DETECTORS.contains(detector.strip())) {
        return Optional.of("'" + detector.strip() + "' is not a detector");
      }
    }
    return Optional.empty();
  }

  static Optional<String> names(String value) {
    for (String name : value.split(",", -1)) {
      if (name.isBlank()) {
        return Optional.of("'" + value + "' has an empty name");
      }
    }
    return Optional.empty();
  }

  static Optional<String> patterns(String value) {
    for (String pattern : value.split(",", -1)) {
      if (pattern.isBlank()) {
        return Optional.of("'" + value + "' has an empty pattern");
      }
      if (NOT_LINEAR.matcher(pattern).find()) {
        return Optional.of("'" + pattern + "' needs backtracking (backreference or lookaround)");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return Optional.of("'" + pattern + "' is not a regular expression: " + e.getDescription());
      }
    }
    return Optional.empty();
  }

  static Optional<String> auditSink(String value) {
    if (value.equals("none")) {
      return Optional.empty();
    }
    for (String prefix : new String[] {"jsonl:", "slf4j:", "jdbc:"}) {
      if (value.startsWith(prefix)) {
        return value.length() > prefix.length()
            ? Optional.empty()
            : Optional.of("'" + value + "' needs something after " + prefix);
      }
    }
    if (value.startsWith("otlp:http://") || value.startsWith("otlp:https://")) {
      return Optional.empty();
    }
    return Optional.of("'" + value + "' is not a known sink");
  }

  static Optional<String> path(String value) {
    try {
      Path.of(value);
      return Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of("'" + value + "' is not a valid path");
    }
  }

  static Optional<String> readableFile(String value) {
    Optional<String> problem = path(value);
    if (problem.isPresent()) {
      return problem;
    }
    Path file = Path.of(value);
    return Files.isRegularFile(file) && Files.isReadable(file)
        ? Optional.empty()
        : Optional.of("'" + value + "' is not a readable file");
  }
}

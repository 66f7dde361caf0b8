package dev.piiwarden.agent.config;

import dev.piiwarden.core.audit.OtlpEndpoint;
import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.options.CacheTtlOption;
import dev.piiwarden.core.options.DetectorsOption;
import dev.piiwarden.core.redaction.PatternList;
import dev.piiwarden.core.redaction.RedactionSettings;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import dev.piiwarden.core.text.PathForm;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.core.text.ShownPath;
import dev.piiwarden.core.text.UrlCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value checks that {@link AgentOption} names. They run in {@code premain} on the values given
 * (defaults are not checked), so they load only what a given value needs: {@code java.time} for a
 * duration, {@code java.util.regex} and core's redaction settings for user patterns and key names,
 * core's taxonomy loader for a taxonomy, nothing else beyond {@code String}. A value the engine
 * behind an option would refuse later is refused here, so it stops the start instead.
 */
final class OptionChecks {
  private OptionChecks() {}

  /** What is wrong with {@code value}, if anything; {@code allowed} is the option's list. */
  static Optional<String> problem(AgentOption.Check check, String value, String allowed) {
    switch (check) {
      case ONE_OF:
        return listed(value, allowed) ? Optional.empty() : Optional.of(QuotedValue.quoted(value) + " is not allowed");
      case CONSENT_STORE:
        Optional<String> store = ConsentStoreUri.problem(value);
        return store.isPresent() ? store : bundledDriverRefuses(value);
      case DURATION:
        return CacheTtlOption.problem(value); // as piiwarden-core's ledger behind Consents reads it
      case DETECTORS:
        return DetectorsOption.problem(value); // the parser piiwarden redact --detectors uses
      case NAMES:
        return names(value);
      case PATTERNS:
        return patterns(value);
      case AUDIT_SINK:
        return auditSink(value);
      case PATH:
        return path(value);
      case READABLE_FILE:
        return readableFile(value);
      case TAXONOMY:
        return taxonomy(value);
      default:
        throw new AssertionError(check);
    }
  }

  /** Whether {@code value} is one of the words of {@code list} ("a, b, c"). */
  static boolean listed(String value, String list) {
    if (value.isEmpty() || value.indexOf(',') >= 0) {
      return false;
    }
    int from = 0;
    while (from <= list.length()) {
      int comma = list.indexOf(',', from);
      int end = comma < 0 ? list.length() : comma;
      if (list.substring(from, end).strip().equals(value)) {
        return true;
      }
      from = end + 1;
    }
    return false;
  }

  private static Optional<String> names(String value) {
    for (String name : value.split(",", -1)) {
      if (name.isBlank()) {
        return Optional.of(QuotedValue.quoted(value) + " has an empty name");
      }
      try {
        RedactionSettings.builder().extraKey(name); // the rule log redaction applies at its start
      } catch (IllegalArgumentException e) {
        return Optional.of(QuotedValue.quoted(name.strip()) + " is not a key name (ASCII letters, digits, '_', '-')");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> patterns(String value) {
    for (String pattern : PatternList.split(value)) {
      if (pattern.isBlank()) {
        return Optional.of(QuotedValue.quoted(value) + " has an empty pattern");
      }
      if (needsBacktracking(pattern)) {
        return Optional.of(QuotedValue.quotedPattern(pattern) + " needs backtracking (backreference or lookaround)");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return Optional.of(QuotedValue.quotedPattern(pattern) + " is not a regular expression: " + e.getDescription());
      }
      // The engine's syntax (RE2J) refuses some of java.util.regex (possessive quantifiers,
      // atomic groups, \h), and a pattern matching empty text: refused here, or log redaction
      // could not start.
      Optional<String> problem = RedactionSettings.patternProblem(pattern.strip());
      if (problem.isPresent()) {
        return Optional.of(QuotedValue.quotedPattern(pattern) + " " + problem.get());
      }
    }
    return Optional.empty();
  }

  /**
   * A backreference ({@code \1}…{@code \9}, {@code \k<name>}) or lookaround ({@code (?=}, {@code
   * (?!}, {@code (?<=}, {@code (?<!}): what cannot be matched in linear time.
   */
  static boolean needsBacktracking(String pattern) {
    for (int i = 0; i + 1 < pattern.length(); i++) {
      char c = pattern.charAt(i);
      char next = pattern.charAt(i + 1);
      if (c == '\\') {
        if ((next >= '1' && next <= '9') || pattern.startsWith("k<", i + 1)) {
          return true;
        }
        i++; // an escaped character, whatever it is, starts nothing
      } else if (c == '(' && next == '?') {
        int at = i + 2;
        if (at < pattern.length() && pattern.charAt(at) == '<') {
          at++;
        }
        if (at < pattern.length() && (pattern.charAt(at) == '=' || pattern.charAt(at) == '!')) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<String> auditSink(String value) {
    if (value.equals("none")) {
      return Optional.empty();
    }
    for (String prefix : new String[] {"jsonl:", "slf4j:", "jdbc:"}) {
      if (!value.startsWith(prefix)) {
        continue;
      }
      if (value.length() == prefix.length()) {
        return Optional.of(QuotedValue.quoted(value) + " needs something after " + prefix);
      }
      if (prefix.equals("jsonl:")) {
        return PathForm.problem(value.substring(prefix.length()));
      }
      if (value.startsWith("jdbc:sqlite:~")) {
        return PathForm.problem(value.substring("jdbc:sqlite:".length())); // the driver does not expand it
      }
      return bundledDriverRefuses(value);
    }
    if (value.startsWith("otlp:")) {
      // a URL the HTTP client would refuse at every try would lose the whole trail
      Optional<String> problem = OtlpEndpoint.problem(value.substring("otlp:".length()));
      return problem.isEmpty()
          ? problem
          : Optional.of(QuotedValue.quoted(UrlCredentials.withoutCredentials(value)) + " " + problem.get());
    }
    return Optional.of(QuotedValue.quoted(value) + " is not a known sink");
  }

  /**
   * A {@code jdbc:postgresql:} URL goes to the driver the agent bundles: one it refuses would leave
   * the store denying every call, or the trail unwritten, as if no driver were there.
   */
  private static Optional<String> bundledDriverRefuses(String value) {
    if (!value.startsWith(PostgresUrlForm.PREFIX)) {
      return Optional.empty();
    }
    Optional<String> problem = PostgresUrlForm.problem(value);
    return problem.isEmpty()
        ? problem
        : Optional.of(QuotedValue.quoted(UrlCredentials.withoutCredentials(value)) + " is malformed:"
            + " the PostgreSQL driver the agent bundles refuses it, as " + problem.get());
  }

  private static Optional<String> path(String value) {
    return PathForm.problem(value);
  }

  /** A taxonomy extension core loads without error: read at start, or consent would fail later. */
  private static Optional<String> taxonomy(String value) {
    Optional<String> problem = readableFile(value);
    if (problem.isPresent()) {
      return problem;
    }
    try {
      Taxonomy.load(Path.of(value));
      return Optional.empty();
    } catch (TaxonomyException e) {
      // the loader's reason names the file, the place in it and the fix, as the CLI prints it
      return Optional.of("not a valid taxonomy extension: " + ShownPath.scrub(e.getMessage(), value));
    }
  }

  private static Optional<String> readableFile(String value) {
    Optional<String> problem = path(value);
    if (problem.isPresent()) {
      return problem;
    }
    Path file = Path.of(value);
    return Files.isRegularFile(file) && Files.isReadable(file)
        ? Optional.empty()
        : Optional.of(ShownPath.quoted(value) + " is not a readable file");
  }
}

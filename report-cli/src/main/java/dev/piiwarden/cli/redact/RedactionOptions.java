package dev.piiwarden.cli.redact;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.input.AuditKeyFile;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.options.DetectorsOption;
import dev.piiwarden.core.redaction.PiiType;
import dev.piiwarden.core.redaction.RedactionFailure;
import dev.piiwarden.core.redaction.RedactionHashKey;
import dev.piiwarden.core.redaction.RedactionSettings;
import dev.piiwarden.core.redaction.RedactionStyle;
import dev.piiwarden.core.text.QuotedValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The engine options of {@code redact}, the agent's {@code piiwarden.redaction.*} options on the
 * command line, turned into core's {@link RedactionSettings}. Each bad value is exit 2 naming it.
 */
final class RedactionOptions {
  @Option(
      names = "--style",
      paramLabel = "mask|hash",
      converter = StyleConverter.class,
      description = "mask: [REDACTED:<type>] (default); hash: [<type>:<16 hex>], the agent's keyed"
          + " token, stable per value for one --key-file.")
  private RedactionStyle style = RedactionStyle.MASK;

  @Option(
      names = "--detectors",
      paramLabel = "LIST",
      description = "Detectors to run: all (the default), or a comma-separated list of "
          + DetectorsOption.NAMES + ", as piiwarden.redaction.detectors.")
  private String detectors;

  @Option(
      names = "--keys",
      paramLabel = "K1,K2",
      split = ",",
      description = "Extra key names whose values are credentials, like password=… .")
  private List<String> keys = new ArrayList<>();

  @Option(
      names = "--pattern",
      paramLabel = "TYPE=REGEX",
      description = "An extra pattern (RE2J syntax), masked as [REDACTED:TYPE]; repeatable.")
  private List<String> patterns = new ArrayList<>();

  @Option(
      names = "--key-file",
      paramLabel = "K",
      description = "The audit key file the hash style derives its key from, as the agent does"
          + " (default: " + AuditKey.DEFAULT_FILE_NAME + " in the current folder, beside the"
          + " agent's default trail). Needed by --style hash only.")
  private Path keyFile;

  /** The settings, each option checked; failures go to {@code onFailure} besides the count. */
  RedactionSettings settings(Consumer<RedactionFailure> onFailure) {
    RedactionSettings.Builder settings = RedactionSettings.builder().style(style).onFailure(onFailure);
    if (detectors != null) {
      settings.detectors(detectorTypes());
    }
    for (String key : keys) {
      try {
        settings.extraKey(key);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.REDACT_BAD_KEY, QuotedValue.shown(key));
      }
    }
    addPatterns(settings);
    if (style == RedactionStyle.HASH) {
      settings.hashKey(hashKey());
    }
    return settings.build();
  }

  /** The agent's parser, so a value means here what it means to the agent, and is refused alike. */
  private Set<PiiType> detectorTypes() {
    try {
      return DetectorsOption.parse(detectors);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.REDACT_BAD_DETECTORS, e.getMessage());
    }
  }

  /**
   * Each {@code --pattern}, checked on its own so that a bad one is named; the patterns of one TYPE
   * are joined into one alternation, as the settings hold one pattern per type and every pattern
   * given must apply.
   */
  private void addPatterns(RedactionSettings.Builder settings) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (String option : patterns) {
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.REDACT_BAD_PATTERN, QuotedValue.pattern(option),
            "no TYPE= before the pattern");
      }
      String type = option.substring(0, equals);
      String regex = option.substring(equals + 1);
      try {
        RedactionSettings.builder().pattern(type, regex);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.REDACT_BAD_PATTERN, QuotedValue.pattern(option),
            e.getMessage());
      }
      byType.computeIfAbsent(type, ignored -> new ArrayList<>()).add(regex);
    }
    byType.forEach((type, regexes) -> settings.pattern(type, regexes.size() == 1 ? regexes.get(0)
        : regexes.stream().map(regex -> "(?:" + regex + ")").collect(Collectors.joining("|"))));
  }

  /** The key file the settings read: {@code --key-file} or its default for the hash style; null for mask. */
  Path keyFileInUse() {
    if (style != RedactionStyle.HASH) {
      return null;
    }
    return keyFile != null ? keyFile : Path.of(AuditKey.DEFAULT_FILE_NAME);
  }

  private byte[] hashKey() {
    Path file = keyFileInUse();
    if (!Files.exists(file)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.REDACT_HASH_WITHOUT_KEY, file);
    }
    AuditKeyFile.check(file, "--key-file");
    try {
      return RedactionHashKey.fromAuditKeyFile(file);
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    }
  }

  /** {@code --style mask|hash}. */
  public static final class StyleConverter extends KeywordConverter<RedactionStyle> {
    /** For picocli. */
    public StyleConverter() {
      super(RedactionStyle.class);
    }
  }
}

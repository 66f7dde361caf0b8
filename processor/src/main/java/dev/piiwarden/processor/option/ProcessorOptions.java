package dev.piiwarden.processor.option;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import dev.piiwarden.core.text.EditDistance;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.core.text.QuotedValue;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor's options (SPEC §4), read and checked once per compilation.
 *
 * @param taxonomy the built-in taxonomy, extended by {@code piiwarden.taxonomy} when given
 * @param strict {@code piiwarden.strict}: warnings become errors
 * @param flow {@code piiwarden.flow}: method-body analysis (default true; used by flow analysis)
 * @param sinks {@code piiwarden.sinks}: a file of extra sinks, or null (used by flow analysis)
 */
public record ProcessorOptions(Taxonomy taxonomy, boolean strict, boolean flow, Path sinks) {
  public static final String TAXONOMY = "piiwarden.taxonomy";
  public static final String STRICT = "piiwarden.strict";
  public static final String FLOW = "piiwarden.flow";
  public static final String SINKS = "piiwarden.sinks";

  /** The option names javac should accept. */
  public static Set<String> names() {
    return Set.of(TAXONOMY, STRICT, FLOW, SINKS);
  }

  /**
   * Reads the options; every problem is reported as an error.
   *
   * @return the options, or empty when any is unusable
   */
  public static Optional<ProcessorOptions> read(Map<String, String> raw, DiagnosticReporter reporter) {
    unknown(raw, reporter);
    boolean ok = true;
    Boolean strict = flag(raw, STRICT, false, reporter);
    Boolean flow = flag(raw, FLOW, true, reporter);
    ok &= strict != null && flow != null;
    Path sinks = null;
    // -Apiiwarden.sinks= with nothing after it reaches here as a name without a value
    String sinksValue = raw.containsKey(SINKS) && raw.get(SINKS) == null ? "" : raw.get(SINKS);
    if (sinksValue != null) {
      sinks = path(SINKS, sinksValue, reporter);
      if (sinks != null && !Files.isReadable(sinks)) {
        // A path is the build's, shown as given: the redaction engine would take a long number in
        // it (a temporary folder's) for a card and make the path unrecognisable.
        reporter.report(Message.PW009, SINKS, sinksValue, "no readable file at "
            + sinks.toAbsolutePath() + "; name an existing sink file or remove the option");
        sinks = null;
      }
      ok &= sinks != null;
    }
    Taxonomy taxonomy = null;
    String taxonomyValue = raw.containsKey(TAXONOMY) && raw.get(TAXONOMY) == null ? "" : raw.get(TAXONOMY);
    Path taxonomyFile = taxonomyValue == null ? null : path(TAXONOMY, taxonomyValue, reporter);
    if (taxonomyValue == null || taxonomyFile != null) {
      try {
        taxonomy = Taxonomy.load(taxonomyFile);
      } catch (TaxonomyException e) {
        reporter.report(Message.PW010, withPathAsGiven(e.getMessage(), taxonomyFile));
      }
    }
    ok &= taxonomy != null;
    if (strict != null) {
      reporter.setStrict(strict);
    }
    return ok ? Optional.of(new ProcessorOptions(taxonomy, strict, flow, sinks)) : Optional.empty();
  }

  /**
   * PW023 for a {@code piiwarden.*} option that is none of these ({@code piiwarden.strct}): javac
   * only says that no processor took it, and a misspelt {@code strict} would leave strict mode off.
   */
  /**
   * A problem with a file, the file's path shown as given (the redaction engine would take a long
   * number in it, a temporary folder's, for a card) and the rest masked where it looks like
   * personal data (a parser's message may quote the file).
   */
  private static String withPathAsGiven(String message, Path file) {
    String path = file == null ? null : file.toString();
    return path != null && message != null && message.startsWith(path)
        ? path + QuotedValue.shown(message.substring(path.length()))
        : QuotedValue.shown(message);
  }

  private static void unknown(Map<String, String> raw, DiagnosticReporter reporter) {
    for (String name : new TreeSet<>(raw.keySet())) {
      if (name.startsWith("piiwarden.") && !names().contains(name)) {
        String closest = EditDistance.closest(name, names());
        reporter.report(Message.PW023, name, closest == null ? "." : "; did you mean " + closest + "?");
      }
    }
  }

  private static Boolean flag(
      Map<String, String> raw, String name, boolean defaultValue, DiagnosticReporter reporter) {
    String value = raw.get(name);
    if (value == null || value.isEmpty()) {
      // -Apiiwarden.strict alone switches the flag on.
      return raw.containsKey(name) ? Boolean.TRUE : defaultValue;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        reporter.report(Message.PW009, name, QuotedValue.shown(value), "write true or false");
        return null;
    }
  }

  private static Path path(String name, String value, DiagnosticReporter reporter) {
    try {
      if (value.isBlank()) {
        reporter.report(Message.PW009, name, QuotedValue.shown(value), "name a file");
        return null;
      }
      return Path.of(value);
    } catch (InvalidPathException e) {
      reporter.report(Message.PW009, name, QuotedValue.shown(value), "not a file path (" + e.getReason() + ")");
      return null;
    }
  }
}

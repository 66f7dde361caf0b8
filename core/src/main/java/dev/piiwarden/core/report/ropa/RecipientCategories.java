package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.files.BundledResources;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkTargets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The category of recipients a kind of sink stands for in the record, from {@code recipient-categories.properties}. */
final class RecipientCategories {
  private static final Properties NAMES = load();

  private RecipientCategories() {}

  /** {@code Databases} for {@link SinkKind#DATABASE}; the kind's name when the table lacks it. */
  static String of(SinkKind kind) {
    return NAMES.getProperty(kind.name(), kind.name());
  }

  /**
   * The category for a sink of {@code kind} at {@code target}: as {@link #of(SinkKind)}, except
   * that what the application writes into its own HTTP responses ({@link SinkTargets#isResponse}) goes to
   * its API's clients, not to a service it calls, and what it sends by e-mail ({@link
   * SinkTargets#isEmail}) to the e-mail's recipients, not to a message broker.
   */
  static String of(SinkKind kind, String target) {
    if (SinkTargets.isResponse(kind, target)) {
      return NAMES.getProperty("HTTP_RESPONSE", "HTTP responses");
    }
    return SinkTargets.isEmail(kind, target) ? NAMES.getProperty("EMAIL", "E-mail recipients") : of(kind);
  }

  private static Properties load() {
    Properties names = new Properties();
    try (InputStream in = BundledResources.open(RecipientCategories.class, "recipient-categories.properties")) {
      names.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}

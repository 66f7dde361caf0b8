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
   * its API's clients, not to a service it calls.
   */
  static String of(SinkKind kind, String target) {
    return SinkTargets.isResponse(kind, target) ? NAMES.getProperty("HTTP_RESPONSE", "HTTP responses") : of(kind);
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

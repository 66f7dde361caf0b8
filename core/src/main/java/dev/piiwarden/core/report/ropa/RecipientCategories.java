package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.files.BundledResources;
import dev.piiwarden.core.inventory.SinkKind;
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

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

  /**
   * The category for a sink of {@code kind} at {@code target}: as {@link #of(SinkKind)}, except
   * that what the application writes into its own HTTP responses ({@link #isResponse}) goes to
   * its API's clients, not to a service it calls.
   */
  static String of(SinkKind kind, String target) {
    return isResponse(kind, target) ? NAMES.getProperty("HTTP_RESPONSE", "HTTP responses") : of(kind);
  }

  /**
   * Whether a sink writes the application's own HTTP responses: an HTTP sink whose target is a
   * web handler's return ({@code …#return}), a server's response stream (a servlet response's
   * or a JDK {@code HttpExchange}'s) or a servlet response's headers and cookies.
   */
  static boolean isResponse(SinkKind kind, String target) {
    return kind == SinkKind.HTTP && target != null && (target.endsWith("#return")
        || target.startsWith("jakarta.servlet.ServletResponse#") || target.startsWith("javax.servlet.ServletResponse#")
        || target.startsWith("jakarta.servlet.http.HttpServletResponse#")
        || target.startsWith("javax.servlet.http.HttpServletResponse#")
        || target.startsWith("com.sun.net.httpserver.HttpExchange#"));
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

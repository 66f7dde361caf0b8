package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.files.BundledResources;
import dev.piiwarden.core.inventory.SinkKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
   * Targets (prefixes) of the sinks that write the application's own HTTP responses, as the
   * processor's sink catalogue names them: a server's response stream, headers and cookies (a
   * servlet response's, a JDK {@code HttpExchange}'s, Vert.x's, Javalin's), a Spring MVC view's
   * model, and Spring's functional endpoints.
   */
  private static final List<String> RESPONSE_TARGETS = List.of(
      "jakarta.servlet.ServletResponse#", "javax.servlet.ServletResponse#",
      "jakarta.servlet.http.HttpServletResponse#", "javax.servlet.http.HttpServletResponse#",
      "com.sun.net.httpserver.HttpExchange#",
      "org.springframework.ui.Model#", "org.springframework.ui.ModelMap#",
      "org.springframework.web.servlet.ModelAndView#",
      "org.springframework.web.servlet.mvc.support.RedirectAttributes#",
      "org.springframework.web.servlet.function.ServerResponse$",
      "org.springframework.web.reactive.function.server.ServerResponse$",
      "io.javalin.http.Context#", "io.vertx.core.http.HttpServerResponse#", "io.vertx.ext.web.RoutingContext#");

  /**
   * Whether a sink writes the application's own HTTP responses: an HTTP sink whose target is a
   * web handler's return ({@code …#return}) or one of {@link #RESPONSE_TARGETS}.
   */
  static boolean isResponse(SinkKind kind, String target) {
    if (kind != SinkKind.HTTP || target == null) {
      return false;
    }
    if (target.endsWith("#return")) {
      return true;
    }
    for (String prefix : RESPONSE_TARGETS) {
      if (target.startsWith(prefix)) {
        return true;
      }
    }
    return false;
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

package dev.piiwarden.core.inventory;

import java.util.List;

/**
 * What the target of a sink record or flow says beyond its kind: whether an HTTP sink writes the
 * application's own responses (to its API's clients) rather than calling another service, and
 * whether a MESSAGING sink sends e-mail rather than a message to a broker. The records of
 * processing and the data-flow diagram both tell them apart.
 */
public final class SinkTargets {
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
  public static boolean isResponse(SinkKind kind, String target) {
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

  /**
   * Targets (prefixes) of the MESSAGING sinks that compose or send e-mail: Jakarta Mail, JavaMail,
   * Spring's mail support.
   */
  private static final List<String> EMAIL_TARGETS =
      List.of("jakarta.mail.", "javax.mail.", "org.springframework.mail.");

  /** Whether a sink sends e-mail: a MESSAGING sink whose target is one of {@link #EMAIL_TARGETS}. */
  public static boolean isEmail(SinkKind kind, String target) {
    if (kind != SinkKind.MESSAGING || target == null) {
      return false;
    }
    for (String prefix : EMAIL_TARGETS) {
      if (target.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An order of sinks by kind, in the kind's declaration order, each kind's second sort (HTTP
   * responses, e-mail) right after it: {@code kind.ordinal() * 2}, plus one for those.
   */
  public static int order(SinkKind kind, String target) {
    return kind.ordinal() * 2 + (isResponse(kind, target) || isEmail(kind, target) ? 1 : 0);
  }

  /**
   * The name of the sinks of {@link #order} {@code key}: {@code HTTP}, {@code HTTP responses},
   * {@code MESSAGING e-mail}.
   */
  public static String name(int key) {
    SinkKind kind = SinkKind.values()[key / 2];
    if (key % 2 == 0) {
      return kind.name();
    }
    return kind.name() + (kind == SinkKind.MESSAGING ? " e-mail" : " responses");
  }

  private SinkTargets() {}
}

package dev.piiwarden.samples.accounts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.piiwarden.samples.accounts.service.AccountException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP server with a route table, JSON in and out, and a request log line per request
 * (method, path, client address, status, time), as access logs are.
 */
public final class ApiServer {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final Logger access = LoggerFactory.getLogger("access");

  private final List<Route> routes;
  private final ObjectMapper json;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(8);

  public ApiServer(int port, List<Route> routes, ObjectMapper json) throws IOException {
    this.routes = routes;
    this.json = json;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/", this::serve);
    server.setExecutor(workers);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(1);
    workers.shutdown();
  }

  private void serve(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Response response;
    try {
      response = dispatch(exchange, method, path);
    } catch (AccountException e) {
      log.warn("{} {} refused: {}", method, path, e.getMessage());
      response = new Response(e.kind().status(), Map.of("error", e.shown()));
    } catch (JsonProcessingException e) {
      log.warn("{} {}: bad JSON", method, path, e);
      response = new Response(400, Map.of("error", "the body is not the JSON expected"));
    } catch (Exception e) {
      log.error("{} {} failed", method, path, e);
      response = new Response(500, Map.of("error", "internal error"));
    }
    write(exchange, response);
    access.info(
        "{} {} from {} ua=\"{}\" -> {} ({} ms)",
        method,
        path,
        Request.clientIp(exchange),
        exchange.getRequestHeaders().getFirst("User-Agent"),
        response.status(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private Response dispatch(HttpExchange exchange, String method, String path) throws Exception {
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<List<String>> parameters = route.match(path);
      if (parameters.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        return route.handler().handle(new Request(exchange, parameters.get(), json));
      }
    }
    return pathKnown
        ? new Response(405, Map.of("error", method + " is not allowed on " + path))
        : new Response(404, Map.of("error", "no such resource: " + path));
  }

  private void write(HttpExchange exchange, Response response) throws IOException {
    byte[] body = response.body() == null ? new byte[0] : json.writeValueAsBytes(response.body());
    if (body.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

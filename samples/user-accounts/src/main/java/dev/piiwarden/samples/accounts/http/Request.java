package dev.piiwarden.samples.accounts.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One HTTP request: its path parameters, body and client address. */
public final class Request {
  private final HttpExchange exchange;
  private final List<String> pathParameters;
  private final ObjectMapper json;

  Request(HttpExchange exchange, List<String> pathParameters, ObjectMapper json) {
    this.exchange = exchange;
    this.pathParameters = pathParameters;
    this.json = json;
  }

  /** The n-th {@code {…}} of the route's path, from 0. */
  public String path(int n) {
    return pathParameters.get(n);
  }

  /** The JSON body as {@code type}; an empty body is null. */
  public <T> T body(Class<T> type) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      return bytes.length == 0 ? null : json.readValue(bytes, type);
    }
  }

  /** The client's address: the first {@code X-Forwarded-For} entry (behind a proxy), else the peer's. */
  public String clientIp() {
    return clientIp(exchange);
  }

  static String clientIp(HttpExchange exchange) {
    String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].strip();
    }
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }
}

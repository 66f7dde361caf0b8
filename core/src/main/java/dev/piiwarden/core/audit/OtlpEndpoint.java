package dev.piiwarden.core.audit;

import dev.piiwarden.core.text.QuotedValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The form of an {@code otlp:} sink's endpoint ({@code http://collector:4318}), checked before
 * anything is sent: a URL the HTTP client would refuse at every try (no host, a port that is no
 * number from 1 to 65535) is refused when the option is read, so the trail is not lost record by
 * record. The reasons never repeat the URL, whose user information and query may be secrets.
 */
public final class OtlpEndpoint {
  private static final int LOWEST_PORT = 1;
  private static final int HIGHEST_PORT = 65_535;

  private OtlpEndpoint() {}

  /**
   * What is wrong with {@code endpoint} (the part after {@code otlp:}), if anything: {@code "is not
   * an http(s) URL"}, {@code "has no host"}, {@code "has port 99999, which is not a number from 1
   * to 65535"}, … to follow the value in a message.
   */
  public static Optional<String> problem(String endpoint) {
    if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
      return Optional.of("is not an http:// or https:// URL");
    }
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      // the reason and place only: the exception's message quotes the URL, credentials and all
      return Optional.of("is not a URL (" + e.getReason()
          + (e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1 + "otlp:".length())) + ")");
    }
    if (uri.getHost() != null) {
      return portProblem(uri.getPort() < 0 ? "" : Integer.toString(uri.getPort()));
    }
    // No host the URL grammar accepts: say which part of the authority is wrong.
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int portStart = authority.startsWith("[")
        ? authority.indexOf(':', Math.max(0, authority.indexOf(']')))
        : authority.lastIndexOf(':');
    String host = portStart < 0 ? authority : authority.substring(0, portStart);
    String port = portStart < 0 ? "" : authority.substring(portStart + 1);
    if (host.isEmpty()) {
      return Optional.of("has no host");
    }
    Optional<String> portProblem = portProblem(port);
    if (portProblem.isPresent()) {
      return portProblem;
    }
    return Optional.of("has no valid host name (letters, digits, '-' and '.', or an IP address)");
  }

  private static Optional<String> portProblem(String port) {
    if (port.isEmpty()) {
      return Optional.empty();
    }
    boolean digits = port.length() <= 9;
    for (int i = 0; i < port.length() && digits; i++) {
      digits = port.charAt(i) >= '0' && port.charAt(i) <= '9';
    }
    if (digits && Integer.parseInt(port) >= LOWEST_PORT && Integer.parseInt(port) <= HIGHEST_PORT) {
      return Optional.empty();
    }
    return Optional.of("has port " + (digits ? port : QuotedValue.quoted(shortened(port))) + ", which is not a number from "
        + LOWEST_PORT + " to " + HIGHEST_PORT);
  }

  /** A port as typed, cut so that a long mistake (a path pasted there) does not fill the line. */
  private static String shortened(String port) {
    return port.length() <= 12 ? port : port.substring(0, 12) + "…";
  }
}

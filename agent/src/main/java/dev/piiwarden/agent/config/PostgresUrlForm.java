package dev.piiwarden.agent.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes the PostgreSQL driver the agent bundles refuse a {@code jdbc:postgresql:} URL, found
 * at start without loading the driver: its class sets up {@code java.util.logging}, which {@code
 * premain} must leave to the application. A URL the driver refuses is no store or sink that is
 * down but one that can never be opened, so it stops the start. The rules are the driver's
 * ({@code Driver.parseURL}, version 42.7): {@code PostgresUrlFormTest} holds them to its {@code
 * acceptsURL}, so a new driver version that changes them fails the build. Not checked: a {@code
 * service=} parameter, which the driver looks up in a {@code pg_service.conf} at connect time.
 * Reasons never repeat the URL or a part of it other than a port that is a number.
 */
final class PostgresUrlForm {
  static final String PREFIX = "jdbc:postgresql:";
  private static final int LOWEST_PORT = 1;
  private static final int HIGHEST_PORT = 65_535;
  private static final String DEFAULT_PORT = "5432";

  private PostgresUrlForm() {}

  /** Why the driver refuses {@code url}, a {@code jdbc:postgresql:} URL; empty when it takes it. */
  static Optional<String> problem(String url) {
    int query = url.indexOf('?');
    String server = (query < 0 ? url : url.substring(0, query)).substring(PREFIX.length());
    String hosts = "localhost";
    String ports = DEFAULT_PORT;
    if (server.equals("//") || server.equals("///")) {
      server = "";
    }
    if (server.startsWith("//")) {
      String rest = server.substring(2);
      int slash = rest.indexOf('/');
      if (slash < 0) {
        return Optional.of("it has no '/' between the host and the database name, as in"
            + " jdbc:postgresql://host:5432/database");
      }
      if (rest.indexOf('/', slash + 1) >= 0) {
        return Optional.of("it has more than one '/' after the host; the database name cannot hold one");
      }
      if (!rest.endsWith("/") && !decodes(rest.substring(slash + 1))) {
        return Optional.of(BAD_ESCAPE + " in the database name");
      }
      String addresses = rest.substring(0, slash);
      if (addresses.indexOf('@') >= 0) {
        return Optional.of("it has user information (user:password@) before the host, which the"
            + " PostgreSQL driver does not take; pass user= and password= as URL parameters");
      }
      String[] list = addresses.split(",");
      if (list.length == 0) {
        return Optional.of("its host list names no host");
      }
      StringBuilder hostList = new StringBuilder();
      StringBuilder portList = new StringBuilder();
      for (String address : list) {
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon >= 0 && address.lastIndexOf(']') < colon;
        hostList.append(hasPort ? address.substring(0, colon) : address).append(',');
        portList.append(hasPort ? address.substring(colon + 1) : DEFAULT_PORT).append(',');
      }
      hosts = hostList.substring(0, hostList.length() - 1);
      ports = portList.substring(0, portList.length() - 1);
    } else if (server.startsWith("/")) {
      return Optional.of("it has a single '/' after jdbc:postgresql:; write jdbc:postgresql://host/database,"
          + " or jdbc:postgresql:database for one on localhost");
    } else if (!decodes(server)) {
      return Optional.of(BAD_ESCAPE + " in the database name");
    }
    if (query >= 0) {
      for (String parameter : url.substring(query + 1).split("&")) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
          continue;
        }
        if (!decodes(parameter.substring(equals + 1))) {
          return Optional.of(BAD_ESCAPE + " in the value of a parameter");
        }
        String name = parameter.substring(0, equals);
        String value = decoded(parameter.substring(equals + 1));
        if (is(name, "HOST")) {
          hosts = value;
        } else if (is(name, "PORT")) {
          ports = value;
        }
      }
    }
    return hostsAndPorts(hosts, ports);
  }

  private static final String BAD_ESCAPE = "it has a '%' that is not followed by two hexadecimal digits";

  /** A parameter the driver takes as {@code PGHOST} or {@code PGPORT}: {@code port}, {@code Port}, {@code PGPORT}. */
  private static boolean is(String name, String property) {
    return name.toUpperCase(Locale.ROOT).equals(property) || name.equals("PG" + property);
  }

  private static Optional<String> hostsAndPorts(String hosts, String ports) {
    String[] portList = ports.split(",");
    for (String port : portList) {
      if (!inRange(port)) {
        return Optional.of("it has a port that is no number from " + LOWEST_PORT + " to " + HIGHEST_PORT
            + (shownPort(port) ? " (" + port + ")" : ""));
      }
    }
    int hostCount = hosts.split(",").length;
    if (hostCount != portList.length) {
      return Optional.of("it names " + hostCount + " hosts but " + portList.length + " ports");
    }
    return Optional.empty();
  }

  private static boolean inRange(String port) {
    try {
      int number = Integer.parseInt(port);
      return number >= LOWEST_PORT && number <= HIGHEST_PORT;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A port made of digits (a sign at most) is shown; anything else may be part of a secret. */
  private static boolean shownPort(String port) {
    if (port.isEmpty() || port.length() > 12) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      char c = port.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(String text) {
    return decoded(text) != null;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

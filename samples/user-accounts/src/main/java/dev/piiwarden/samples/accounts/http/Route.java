package dev.piiwarden.samples.accounts.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A method and a path template ({@code /users/{id}}) with what answers it. */
public record Route(String method, String template, Pattern pattern, Handler handler) {

  /** Answers a request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  public static Route of(String method, String template, Handler handler) {
    String regex = template.replaceAll("\\{[^/]+}", "([^/]+)");
    return new Route(method, template, Pattern.compile(regex), handler);
  }

  /** The path parameters when {@code path} matches the template. */
  Optional<List<String>> match(String path) {
    Matcher matcher = pattern.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    List<String> parameters = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) {
      parameters.add(matcher.group(i));
    }
    return Optional.of(parameters);
  }
}

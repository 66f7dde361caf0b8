package dev.piiwarden.processor;

import com.google.testing.compile.JavaFileObjects;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** The fixture sources under {@code src/test/resources/fixtures/}. */
final class Fixtures {
  static final List<String> NAMES =
      List.of("User", "Customer", "Contact", "Outer", "Newsletter", "Registration");

  private Fixtures() {}

  static List<JavaFileObject> sources() {
    return NAMES.stream().map(n -> JavaFileObjects.forResource(resource(n))).toList();
  }

  static List<Path> files() {
    return NAMES.stream().map(Fixtures::path).toList();
  }

  static Path path(String name) {
    try {
      return Path.of(resource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL resource(String name) {
    URL url = Fixtures.class.getClassLoader().getResource("fixtures/com/acme/" + name + ".java");
    if (url == null) {
      throw new IllegalStateException("fixture " + name + " is missing");
    }
    return url;
  }
}

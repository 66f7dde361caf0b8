package dev.piiwarden.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A class folder with inventory fragments where the processor writes them. */
final class ClassFolder {
  private ClassFolder() {}

  /** {@code classes/META-INF/piiwarden/types/<name>.json} holding {@code content}. */
  static Path withFragment(Path classes, String name, String content) throws IOException {
    Path fragment = classes.resolve("META-INF/piiwarden/types/" + name + ".json");
    Files.createDirectories(fragment.getParent());
    Files.writeString(fragment, content);
    return fragment;
  }

  /** The test fixture: a patient's diagnosis, a card number logged, an email and a name. */
  static String fixture() throws IOException {
    try (InputStream in = ClassFolder.class.getResourceAsStream("fixture-inventory.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

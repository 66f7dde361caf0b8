package dev.piiwarden.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

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

  /**
   * {@code source}, the class {@code name}, compiled into {@code classes} by javac with {@code
   * -proc:none}: its class file, and no fragment, as when piiwarden-processor does not run.
   */
  static Path compiledWithoutProcessor(Path classes, String name, String source) throws IOException {
    Path file = classes.resolveSibling("src").resolve(name.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Files.createDirectories(classes);
    int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, List.of("-proc:none", "-d",
        classes.toString(), "-classpath", System.getProperty("java.class.path"), file.toString()).toArray(String[]::new));
    if (exit != 0) {
      throw new IOException("javac failed on " + file);
    }
    return classes.resolve(name.replace('.', '/') + ".class");
  }

  /** The test fixture: a patient's diagnosis, a card number logged, an email and a name. */
  static String fixture() throws IOException {
    try (InputStream in = ClassFolder.class.getResourceAsStream("fixture-inventory.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

package dev.piiwarden.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two class loaders over one jar, as two modules' processors in one parallel Maven build: closing
 * one must not break the other's read of a resource.
 */
class BundledResourcesTest {
  private static final String TEXT = "x".repeat(200_000);

  @TempDir Path dir;

  @Test
  void aResourceOpenedOnItsOwnIsReadAfterAnotherLoaderOfTheJarIsClosed() throws Exception {
    URL jar = jar().toUri().toURL();
    URLClassLoader first = new URLClassLoader(new URL[] {jar}, null);
    try (InputStream used = first.getResourceAsStream("data.txt")) {
      used.read(); // the first loader now holds the JVM's cached jar file, and closes it on close
    }
    try (URLClassLoader second = new URLClassLoader(new URL[] {jar}, null)) {
      Class<?> anchor = second.loadClass(BundledResources.class.getName());
      InputStream cached = second.getResourceAsStream("data.txt");
      InputStream own = (InputStream) anchor.getMethod("open", Class.class, String.class)
          .invoke(null, anchor, "/data.txt");
      first.close();

      assertThrows(IOException.class, cached::readAllBytes, "the shared cache's hazard");
      assertEquals(TEXT, new String(own.readAllBytes(), StandardCharsets.UTF_8));
      own.close();
    }
  }

  @Test
  void aMissingResourceIsNull() throws Exception {
    assertNull(BundledResources.open(BundledResources.class, "/no/such/resource.txt"));
  }

  /** A jar holding {@link BundledResources} and a resource large enough to be read in parts. */
  private Path jar() throws IOException {
    Path jar = dir.resolve("bundle.jar");
    String classFile = BundledResources.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream compiled = BundledResources.class.getClassLoader().getResourceAsStream(classFile)) {
      out.putNextEntry(new JarEntry(classFile));
      compiled.transferTo(out);
      out.putNextEntry(new JarEntry("data.txt"));
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }
}

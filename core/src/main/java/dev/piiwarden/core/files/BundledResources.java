package dev.piiwarden.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;

/**
 * Reads a resource of PII Warden's own jar without the JVM's shared jar cache. A class loader's
 * {@code getResourceAsStream} reads through that cache and remembers the cached jar file, which it
 * closes when it is closed: in one JVM running several compilations at once (Maven's {@code -T}),
 * the compiler plugin closing the processor's class loader of one module closed the jar another
 * module's processor was reading, and the processor failed there.
 */
public final class BundledResources {
  private BundledResources() {}

  /**
   * The resource {@code name}, resolved as {@link Class#getResource} resolves it against {@code
   * anchor}, opened on its own; null when there is no such resource.
   *
   * @throws IOException when it exists but cannot be opened
   */
  public static InputStream open(Class<?> anchor, String name) throws IOException {
    URL url = anchor.getResource(name);
    if (url == null) {
      return null;
    }
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }
}

package dev.piiwarden.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Writes the bridge classes into a small temporary jar and appends it to the bootstrap class path,
 * so that application code in any class loader links to the same bridge.
 */
final class BootstrapJar {
  private static final String[] CLASSES = {
    "dev/piiwarden/agent/bootstrap/ConsentBridge.class",
    "dev/piiwarden/agent/bootstrap/ConsentBridge$Gate.class",
    "dev/piiwarden/agent/bootstrap/ConsentBridge$Ledger.class"
  };

  private BootstrapJar() {}

  static void append(Instrumentation instrumentation) throws IOException {
    Path jar = Files.createTempFile("piiwarden-bootstrap-", ".jar");
    jar.toFile().deleteOnExit();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : CLASSES) {
        try (InputStream in = BootstrapJar.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) {
            throw new IOException("the agent jar lacks " + name);
          }
          out.putNextEntry(new ZipEntry(name));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
  }
}

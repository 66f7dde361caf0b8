package dev.piiwarden.agent.redaction;

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
 * Puts the redaction bridge ({@code dev.piiwarden.agent.redaction.bridge}) on the bootstrap class
 * path, as {@code BootstrapJar} does for the consent bridge: advice inlined into Logback, Log4j2
 * and the JDK's own {@code java.util.logging.Logger} then links to one copy. Kept apart from the
 * consent bridge's jar so the two start-ups stay independent. Must run before anything refers to
 * a bridge class.
 */
final class RedactionBootstrapJar {
  private static final String[] CLASSES = {
    "dev/piiwarden/agent/redaction/bridge/RedactionBridge.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionBridge$Hooks.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionCallDepth.class",
    "dev/piiwarden/agent/redaction/bridge/RedactedThrowable.class"
  };

  private RedactionBootstrapJar() {}

  static void append(Instrumentation instrumentation) throws IOException {
    Path jar = Files.createTempFile("piiwarden-redaction-bootstrap-", ".jar");
    jar.toFile().deleteOnExit();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : CLASSES) {
        try (InputStream in = RedactionBootstrapJar.class.getClassLoader().getResourceAsStream(name)) {
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

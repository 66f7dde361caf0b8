package dev.piiwarden.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Writes the bridge classes, consent's and log redaction's, into one small temporary jar and
 * appends it to the bootstrap class path, so that application code in any class loader, and the
 * JDK's own {@code java.util.logging.Logger}, link to the same bridge. Done once, by whichever of
 * the two first needs it; must run before anything refers to a bridge class. JDK types only in
 * these classes.
 */
public final class BootstrapJar {
  private static final String[] CLASSES = {
    "dev/piiwarden/agent/bootstrap/ConsentBridge.class",
    "dev/piiwarden/agent/bootstrap/ConsentBridge$Gate.class",
    "dev/piiwarden/agent/bootstrap/ConsentBridge$Ledger.class",
    "dev/piiwarden/agent/bootstrap/ConsentBridge$Access.class",
    "dev/piiwarden/agent/bootstrap/RenderBridge.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionBridge.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionBridge$Hooks.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionCallDepth.class",
    "dev/piiwarden/agent/redaction/bridge/RedactedThrowable.class"
  };

  private static boolean appended;

  /** Run once the jar is in place; see {@link #whenAppended}. */
  private static final List<Runnable> ON_APPEND = new ArrayList<>();

  private BootstrapJar() {}

  /** Entry time as local date-time: a {@code long} time would load the time-zone database. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

  /** Appends the jar, the first time only; thread-safe. */
  public static synchronized void append(Instrumentation instrumentation) throws IOException {
    if (appended) {
      return;
    }
    Path jar = newPrivateFile();
    jar.toFile().deleteOnExit();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : CLASSES) {
        try (InputStream in = BootstrapJar.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) {
            throw new IOException("the agent jar lacks " + name);
          }
          ZipEntry entry = new ZipEntry(name);
          entry.setTimeLocal(ENTRY_TIME);
          out.putNextEntry(entry);
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    appended = true;
    for (Runnable action : ON_APPEND) {
      action.run();
    }
    ON_APPEND.clear();
  }

  /**
   * Runs {@code action} once the jar is on the bootstrap class path: at once if it is, else right
   * after it is appended, on the appending thread (before the class whose loading needed the
   * bridge is defined). The action may name bridge classes; it must not throw.
   */
  public static synchronized void whenAppended(Runnable action) {
    if (appended) {
      action.run();
    } else {
      ON_APPEND.add(action);
    }
  }

  /**
   * A new file, readable by its owner only, in the temporary directory. Created exclusively (no
   * file or link of that name may exist), so the name need not be unguessable: this spares
   * {@code Files.createTempFile} the seeding of a {@code SecureRandom}.
   */
  private static Path newPrivateFile() throws IOException {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    for (int attempt = 0; ; attempt++) {
      Path file =
          directory.resolve("piiwarden-bootstrap-" + Long.toHexString(System.nanoTime()) + ".jar");
      try {
        try {
          return Files.createFile(
              file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          return Files.createFile(file);
        }
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 100) {
          throw taken;
        }
      }
    }
  }
}

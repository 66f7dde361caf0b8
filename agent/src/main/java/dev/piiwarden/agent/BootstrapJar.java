package dev.piiwarden.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Puts the bridge classes, consent's and log redaction's, into the bootstrap class loader, so that
 * application code in any class loader, and the JDK's own {@code java.util.logging.Logger}, link
 * to the same bridge: defined there directly ({@link BootClassDefiner}), or, where the JDK does not
 * allow that, in one small jar ({@link BridgeJarFile}: reused from an earlier start when it can be
 * trusted) appended to the bootstrap class path. Done once, by whichever of
 * the two first needs it; must run before anything refers to a bridge class. JDK types only in
 * these classes. This class itself writes nothing, so that loading it (every start does, to
 * register actions) loads no zip or file classes.
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
    "dev/piiwarden/agent/redaction/bridge/RedactionCallDepth$PerThread.class",
    "dev/piiwarden/agent/redaction/bridge/RedactedThrowable.class"
  };

  private static boolean appended;

  /** Run once the jar is in place; see {@link #whenAppended}. */
  private static final List<Runnable> ON_APPEND = new ArrayList<>();

  private BootstrapJar() {}


  /**
   * Puts the bridge classes in the bootstrap class loader, the first time only; thread-safe. They
   * are defined there directly ({@link BootClassDefiner}); only where the JDK does not allow that
   * is the jar appended to the bootstrap class path.
   */
  public static synchronized void append(Instrumentation instrumentation) throws IOException {
    if (appended) {
      return;
    }
    byte[][] classFiles = BridgeJarFile.classFiles(CLASSES);
    if (!BootClassDefiner.define(instrumentation, CLASSES, classFiles)) {
      Path jar = BridgeJarFile.provide(CLASSES, classFiles);
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
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
}

package dev.piiwarden.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** JDBC driver jars the CLI's class path does not have, for its --jdbc-driver option. */
public final class DriverJars {
  private DriverJars() {}

  /** H2's jar, which this module's build copies to {@code target/test-drivers}. */
  public static Path h2() {
    Path jar = Path.of("target", "test-drivers", "h2.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("no " + jar + ": run the tests through Maven, whose"
          + " process-test-resources phase copies it there");
    }
    return jar;
  }
}

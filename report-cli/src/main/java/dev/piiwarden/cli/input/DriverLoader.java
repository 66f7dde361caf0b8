package dev.piiwarden.cli.input;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The {@code --jdbc-driver} jars as the thread's context class loader, where core's JDBC store and
 * audit table reader look for drivers that {@code DriverManager} does not know. Closing it puts the previous context
 * loader back.
 */
public final class DriverLoader implements AutoCloseable {
  private final URLClassLoader loader;
  private final ClassLoader previous;

  private DriverLoader(URLClassLoader loader) {
    this.loader = loader;
    this.previous = Thread.currentThread().getContextClassLoader();
    if (loader != null) {
      Thread.currentThread().setContextClassLoader(loader);
    }
  }

  /** The jars' loader, made the context class loader; none for no jars. Bad jars are exit 2. */
  public static DriverLoader of(List<Path> jars) {
    if (jars.isEmpty()) {
      return new DriverLoader(null);
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      urls.add(checked(jar));
    }
    return new DriverLoader(
        new URLClassLoader(urls.toArray(URL[]::new), DriverLoader.class.getClassLoader()));
  }

  private static URL checked(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_JDBC_DRIVER, jar, "no such file");
    }
    try (ZipFile ignored = new ZipFile(jar.toFile())) {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_JDBC_DRIVER, jar, "not a file path");
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_JDBC_DRIVER, jar, "not a jar");
    }
  }

  @Override
  public void close() throws IOException {
    Thread.currentThread().setContextClassLoader(previous);
    if (loader != null) {
      loader.close();
    }
  }
}

package dev.piiwarden.processor.writing;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.Message;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a top-level class's inventory fragment to {@code
 * CLASS_OUTPUT/META-INF/piiwarden/types/<binary name>.json}, with that class as its only
 * originating element so that incremental builds can tell which source it came from.
 */
public final class FragmentWriter {
  private final Filer filer;
  private final DiagnosticReporter reporter;
  /** Fragments on the class path by binary name; none when absent or unreadable. */
  private final Map<String, Found> onClassPath = new HashMap<>();
  /** The fragments of each jar on the class path that one was looked up in, by entry name. */
  private final Map<Path, Map<String, byte[]>> jarFragments = new HashMap<>();

  /** A look-up's result: the fragment, null when there is none that can be read. */
  private record Found(Inventory fragment) {}

  /**
   * A fragment's bytes and where they are, as the CLI names it: the file in a classes folder, or
   * {@code <jar>!/META-INF/piiwarden/types/<binary name>.json}.
   */
  private record Located(byte[] bytes, String origin) {}

  public FragmentWriter(Filer filer, DiagnosticReporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  /** The resource path of a top-level class's fragment. */
  public static String path(String binaryName) {
    return InventoryInputs.FRAGMENT_FOLDER + binaryName + ".json";
  }

  /**
   * Whether a readable fragment of the top-level class {@code binaryName} is on the class path,
   * written when its module was compiled. One that cannot be read is reported (PW021, once per
   * class) and counts as none: the class is then followed as a library's, whose methods' results
   * carry what they were handed, so that no flow is lost.
   */
  public boolean onClassPath(String binaryName) {
    return lookUp(binaryName).fragment() != null;
  }

  /**
   * The fragment of the top-level class {@code binaryName} on the class path, or null when there is
   * none or it cannot be read ({@link #onClassPath}).
   */
  public Inventory readFromClassPath(String binaryName) {
    return lookUp(binaryName).fragment();
  }

  /** Looks a class path fragment up and reads it, once per class. */
  private Found lookUp(String binaryName) {
    return onClassPath.computeIfAbsent(binaryName, name -> {
      if (!SourceVersion.isName(name)) {
        return new Found(null); // javac's "<any>" for a type it could not resolve: its error says so
      }
      String origin = path(name);
      try {
        Located located = fragmentBytes(name);
        if (located == null) {
          return new Found(null);
        }
        origin = located.origin();
        return new Found(InventoryJson.read(located.bytes(), origin));
      } catch (IOException | UncheckedIOException | IllegalArgumentException | InventoryException unreadable) {
        reporter.report(Message.PW021, name, describe(origin, unreadable));
        return new Found(null);
      }
    });
  }

  /**
   * The bytes of the class's fragment, or null when it has none. In a folder the filer finds it;
   * in a jar it does not (javac reads only package folders of a jar, and {@code META-INF} is none),
   * so there the fragment is read from the jar that holds the class file.
   */
  private Located fragmentBytes(String binaryName) throws IOException {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", path(binaryName));
      try (InputStream in = file.openInputStream()) {
        return new Located(in.readAllBytes(), shown(file));
      }
    } catch (FileNotFoundException | NoSuchFileException notInAFolder) {
      Path jar = jarOf(binaryName);
      if (jar == null) {
        return null;
      }
      byte[] bytes;
      try {
        bytes = jarFragments.computeIfAbsent(jar, FragmentWriter::readJar).get(path(binaryName));
      } catch (UncheckedIOException unreadable) {
        throw new IOException(jar + " cannot be read: " + unreadable.getCause().getMessage(), unreadable.getCause());
      }
      return bytes == null ? null : new Located(bytes, jar + "!/" + path(binaryName));
    }
  }

  /** A class path file as a message names it: its path when it is a file, else its URI. */
  private static String shown(FileObject file) {
    URI uri = file.toUri();
    try {
      return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    } catch (IllegalArgumentException | FileSystemNotFoundException notAPath) {
      return uri.toString();
    }
  }

  /** The jar that holds the class file of {@code binaryName} on the class path, or null. */
  private Path jarOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    FileObject classFile;
    try {
      classFile = filer.getResource(StandardLocation.CLASS_PATH, dot < 0 ? "" : binaryName.substring(0, dot),
          binaryName.substring(dot + 1) + ".class");
    } catch (IOException | IllegalArgumentException absent) {
      return null;
    }
    // jar:file:/…/a.jar!/com/acme/Relay.class
    URI uri = classFile.toUri();
    String part = uri.getRawSchemeSpecificPart();
    int separator = part == null ? -1 : part.indexOf("!/");
    if (!"jar".equals(uri.getScheme()) || separator < 0) {
      return null;
    }
    try {
      return Path.of(URI.create(part.substring(0, separator)));
    } catch (IllegalArgumentException | FileSystemNotFoundException notAFile) {
      return null;
    }
  }

  /** Every fragment in {@code jar}, by entry name: read once per jar, the jar closed again. */
  private static Map<String, byte[]> readJar(Path jar) {
    Map<String, byte[]> fragments = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(InventoryInputs.FRAGMENT_FOLDER)) {
          try (InputStream in = zip.getInputStream(entry)) {
            fragments.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return fragments;
  }

  /** What is wrong with the fragment and what to do: a format error's message says both. */
  private static String describe(String origin, Exception failure) {
    if (failure instanceof InventoryException) {
      return failure.getMessage();
    }
    return origin + ": " + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
        + "; replace the jar or folder that holds it, or rebuild it with PII Warden";
  }

  /** Writes the fragment of {@code topLevel}. */
  public void write(TypeElement topLevel, String binaryName, Inventory fragment) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(binaryName), topLevel);
    try (OutputStream out = file.openOutputStream()) {
      out.write(InventoryJson.write(fragment).getBytes(StandardCharsets.UTF_8));
    }
  }
}

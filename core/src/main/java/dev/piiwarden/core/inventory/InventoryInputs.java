package dev.piiwarden.core.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds inventory fragments in what a build produces: class folders and archives (the processor's
 * {@code META-INF/piiwarden/types/*.json}), the libraries a deployable bundles, and inventory files.
 */
public final class InventoryInputs {
  /** Where the processor writes one fragment per top-level class. */
  public static final String FRAGMENT_FOLDER = "META-INF/piiwarden/types/";

  /** Where deployables bundle the application's jars: a war, a Spring Boot war, a Spring Boot jar. */
  static final List<String> LIBRARY_FOLDERS = List.of("WEB-INF/lib/", "WEB-INF/lib-provided/", "BOOT-INF/lib/");

  private InventoryInputs() {}

  /**
   * Reads every fragment in {@code path}: a class folder (searched for {@value #FRAGMENT_FOLDER}), a
   * {@code .jar}, {@code .war} or {@code .zip}, or a {@code .json} inventory file. The jars a
   * deployable bundles in {@code WEB-INF/lib/}, {@code WEB-INF/lib-provided/} or {@code BOOT-INF/lib/},
   * packed or in an exploded folder, are read too.
   *
   * @throws InventoryException when the path is missing, of another kind, or holds a corrupt fragment
   */
  public static List<InventoryFragment> read(Path path) {
    if (Files.isDirectory(path)) {
      return readFolder(path);
    }
    if (!Files.exists(path)) {
      throw new InventoryException(path + ": no such file or folder; check the path");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".zip")) {
      return readArchive(path);
    }
    if (name.endsWith(".json")) {
      return List.of(new InventoryFragment(path.toString(), InventoryJson.read(path)));
    }
    throw new InventoryException(
        path + ": not a class folder, a .jar/.war/.zip or a .json inventory; pass one of those");
  }

  /** Reads every path in order; see {@link #read(Path)}. */
  public static List<InventoryFragment> readAll(List<Path> paths) {
    List<InventoryFragment> fragments = new ArrayList<>();
    for (Path path : paths) {
      fragments.addAll(read(path));
    }
    return fragments;
  }

  private static List<InventoryFragment> readFolder(Path folder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> isFragment(relative(folder, p)) || isBundledJar(relative(folder, p)))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InventoryException(
          folder + ": cannot be searched: " + e.getMessage() + "; check the folder's permissions", e);
    }
    List<InventoryFragment> fragments = new ArrayList<>();
    for (Path file : files) {
      if (isBundledJar(relative(folder, file))) {
        fragments.addAll(readArchive(file));
      } else {
        fragments.add(new InventoryFragment(file.toString(), InventoryJson.read(file)));
      }
    }
    return fragments;
  }

  private static List<InventoryFragment> readArchive(Path archive) {
    List<InventoryFragment> fragments = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory() && (isFragment(entry.getName()) || isBundledJar(entry.getName()))) {
          entries.add(entry);
        }
      }
      entries.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (ZipEntry entry : entries) {
        try (InputStream in = zip.getInputStream(entry)) {
          String origin = archive + "!/" + entry.getName();
          if (isBundledJar(entry.getName())) {
            fragments.addAll(NestedJar.read(in, origin));
          } else {
            fragments.add(new InventoryFragment(origin, InventoryJson.read(in.readAllBytes(), origin)));
          }
        }
      }
    } catch (NoSuchFileException e) {
      throw new InventoryException(archive + ": no such file; check the path");
    } catch (ZipException e) {
      throw new InventoryException(archive + ": not a readable archive (" + e.getMessage() + "); rebuild it", e);
    } catch (IOException e) {
      throw new InventoryException(archive + ": cannot be read: " + e.getMessage() + "; check the file", e);
    }
    return fragments;
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  /** A fragment path: {@code …META-INF/piiwarden/types/<binary name>.json} at any depth. */
  static boolean isFragment(String relative) {
    return isFileIn(relative, FRAGMENT_FOLDER, ".json");
  }

  /** A jar a deployable bundles: {@code …WEB-INF/lib/<name>.jar} and the like, at any depth. */
  private static boolean isBundledJar(String relative) {
    return LIBRARY_FOLDERS.stream().anyMatch(folder -> isFileIn(relative, folder, ".jar"));
  }

  private static boolean isFileIn(String relative, String folder, String extension) {
    int at = relative.lastIndexOf(folder);
    return at >= 0
        && (at == 0 || relative.charAt(at - 1) == '/')
        && relative.endsWith(extension)
        && relative.indexOf('/', at + folder.length()) < 0;
  }
}

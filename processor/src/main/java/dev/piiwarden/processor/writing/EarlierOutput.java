package dev.piiwarden.processor.writing;

import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.core.inventory.InventoryInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * What earlier compilations left in the class output folder: a class recompiled on its own into
 * the same folder (plain javac, Maven without incremental compilation) that now has nothing to
 * record or describe must overwrite its earlier fragment and descriptors, or the merged inventory
 * keeps flows of code that is gone and the agent keeps redacting, exporting and reading members
 * that are gone.
 *
 * <p>Folders are listed, not probed file by file through the filer (whose checks grow with every
 * file written): the fragments once per compilation, a package's descriptor class files once per
 * package and only when asked. The class output folder is found through the class file of the
 * first class asked about, which javac writes anyway: an in-memory file manager (compile-testing's)
 * keeps whatever file it is asked about as one it was asked to write, so a name of the processor's
 * own would show up as output. Ask only when the sources are files: in memory there is no earlier
 * output.
 */
public final class EarlierOutput {
  private static final String DESCRIPTOR_CLASS = PersonalDataDescriptors.SUFFIX + ".class";

  private final Filer filer;
  /** The class output folder; null until first asked for, then empty when it is no folder. */
  private Optional<Path> root;
  /** The binary names of the fragments in the output; null until first asked for. */
  private Set<String> fragments;
  /** The descriptor class files in each package folder listed, by folder. */
  private final Map<String, Set<String>> packages = new HashMap<>();

  public EarlierOutput(Filer filer) {
    this.filer = filer;
  }

  /**
   * Whether the output holds a fragment of the top-level class {@code binaryName}, one compiled in
   * this compilation (javac writes its class file). The listing may hold fragments written in this
   * compilation before it was taken: ask only for classes whose fragment is not written yet, or
   * treat the answer as a hint.
   */
  public boolean hasFragment(String binaryName) {
    if (fragments == null) {
      root = locateRoot(binaryName);
      fragments = new HashSet<>();
      for (String file : list(root.map(folder -> folder.resolve(InventoryInputs.FRAGMENT_FOLDER)), ".json")) {
        fragments.add(file.substring(0, file.length() - ".json".length()));
      }
    }
    return fragments.contains(binaryName);
  }

  /**
   * Whether the output holds the class file of the descriptor named {@code descriptorName} and it
   * describes the class {@code describedBinaryName}: a top-level {@code Outer_Inner}'s descriptor
   * has the name a nested {@code Outer.Inner}'s would have, and must be left alone. Ask after
   * {@link #hasFragment}, which finds the output folder.
   */
  public boolean holdsDescriptorOf(String descriptorName, String describedBinaryName) {
    if (root == null || root.isEmpty()) {
      return false; // no fragment was found, or the output is no folder
    }
    int dot = descriptorName.lastIndexOf('.');
    Path folder = dot < 0 ? root.get()
        : root.get().resolve(descriptorName.substring(0, dot).replace('.', '/'));
    String file = descriptorName.substring(dot + 1) + ".class";
    Set<String> present =
        packages.computeIfAbsent(folder.toString(), name -> list(Optional.of(folder), DESCRIPTOR_CLASS));
    if (!present.contains(file)) {
      return false;
    }
    try {
      return DescriptorClassFile.describedType(Files.readAllBytes(folder.resolve(file)))
          .map(describedBinaryName::equals)
          .orElse(false);
    } catch (IOException unreadable) {
      return false; // gone or unreadable: nothing a class loader could use either
    }
  }

  /** The class output folder, found through the class file of {@code binaryName}, if it is on disk. */
  private Optional<Path> locateRoot(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String packageName = dot < 0 ? "" : binaryName.substring(0, dot);
    try {
      URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName,
          binaryName.substring(dot + 1) + ".class").toUri();
      if (!"file".equals(uri.getScheme())) {
        return Optional.empty();
      }
      Path folder = Path.of(uri).getParent();
      int depth = packageName.isEmpty() ? 0 : packageName.split("\\.").length;
      for (int level = 0; level < depth && folder != null; level++) {
        folder = folder.getParent();
      }
      return Optional.ofNullable(folder);
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException
        | FileSystemNotFoundException notAFolder) {
      return Optional.empty();
    }
  }

  /** The names of the files in {@code folder} that end with {@code suffix}; none when unreadable. */
  private static Set<String> list(Optional<Path> folder, String suffix) {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    try (var files = Files.list(folder.get())) {
      files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(suffix))
          .forEach(names::add);
      return names;
    } catch (IOException | UncheckedIOException unreadable) {
      return Set.of();
    }
  }
}

package dev.piiwarden.processor.writing;

import dev.piiwarden.api.PersonalDataDescriptors;
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
 * package and only when asked. Ask only when the sources are files: an in-memory file manager
 * (compile-testing's) holds no earlier output, and would keep a probe as a file it was asked to
 * write.
 */
public final class EarlierOutput {
  private static final String DESCRIPTOR_CLASS = PersonalDataDescriptors.SUFFIX + ".class";

  private final Filer filer;
  /** The binary names of the fragments in the output; null until first asked for. */
  private Set<String> fragments;
  /** Each package's folder and the descriptor class files in it; empty when it is no folder. */
  private final Map<String, Optional<PackageFolder>> packages = new HashMap<>();

  private record PackageFolder(Path folder, Set<String> descriptorFiles) {}

  public EarlierOutput(Filer filer) {
    this.filer = filer;
  }

  /**
   * Whether the output holds a fragment of the top-level class {@code binaryName}. The listing may
   * hold fragments written in this compilation before it was taken: ask only for classes whose
   * fragment is not written yet, or treat the answer as a hint.
   */
  public boolean hasFragment(String binaryName) {
    if (fragments == null) {
      fragments = listFragments();
    }
    return fragments.contains(binaryName);
  }

  /**
   * The class file of the descriptor named {@code descriptorName} in the output, when there is
   * one and it describes the class {@code describedBinaryName}: a top-level {@code Outer_Inner}'s
   * descriptor has the name a nested {@code Outer.Inner}'s would have, and must be left alone.
   */
  public boolean holdsDescriptorOf(String descriptorName, String describedBinaryName) {
    int dot = descriptorName.lastIndexOf('.');
    String packageName = dot < 0 ? "" : descriptorName.substring(0, dot);
    String file = descriptorName.substring(dot + 1) + ".class";
    Optional<PackageFolder> folder = packages.computeIfAbsent(packageName, name -> listPackage(name, file));
    if (folder.isEmpty() || !folder.get().descriptorFiles().contains(file)) {
      return false;
    }
    try {
      return DescriptorClassFile.describedType(Files.readAllBytes(folder.get().folder().resolve(file)))
          .map(describedBinaryName::equals)
          .orElse(false);
    } catch (IOException unreadable) {
      return false; // gone or unreadable: nothing a class loader could use either
    }
  }

  /** The fragments in the class output folder; none when it is not a folder on disk. */
  private Set<String> listFragments() {
    Optional<Path> folder = folderOf("", FragmentWriter.path("probe"));
    Set<String> names = new HashSet<>();
    for (String file : list(folder, ".json")) {
      names.add(file.substring(0, file.length() - ".json".length()));
    }
    return names;
  }

  private Optional<PackageFolder> listPackage(String packageName, String anyFile) {
    Optional<Path> folder = folderOf(packageName, anyFile);
    return folder.map(path -> new PackageFolder(path, list(folder, DESCRIPTOR_CLASS)));
  }

  /** The folder that holds {@code relativeName} in the class output, if the output is on disk. */
  private Optional<Path> folderOf(String packageName, String relativeName) {
    try {
      URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, relativeName).toUri();
      return "file".equals(uri.getScheme()) ? Optional.ofNullable(Path.of(uri).getParent()) : Optional.empty();
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

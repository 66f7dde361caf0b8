package dev.piiwarden.maven.input;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.SourceLocation;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The fragments a module's class folder keeps for classes whose source is gone. The processor writes
 * one fragment per class, and a compile that is not incremental ({@code
 * maven.compiler.useIncrementalCompilation=false}) compiles only the changed sources, so the fragment
 * of a class renamed or deleted stays until {@code mvn clean}, and with it the class's data in the
 * inventory, the records and the check. They are named, not left out: a wrong guess would hide real
 * data.
 */
public final class StaleFragments {
  private static final int SHOWN = 5;

  private StaleFragments() {}

  /**
   * The top-level classes of the fragments in {@code classes} whose declared source files ({@code
   * source.file} of their data elements and activities, relative to a source root) are in none of
   * {@code sourceRoots}, in the order read. A fragment that declares no source file (another
   * compiler's), or whose classes were compiled without the method-body analysis (kapt's fragments
   * name its generated stubs), is not judged; nor is any when there are no source roots to look in.
   *
   * @throws MojoExecutionException with core's one-line message when a fragment cannot be read
   */
  public static List<String> in(Path classes, List<String> sourceRoots) throws MojoExecutionException {
    if (sourceRoots.isEmpty() || !Files.isDirectory(classes)) {
      return List.of();
    }
    List<InventoryFragment> fragments;
    try {
      fragments = InventoryInputs.read(classes);
    } catch (InventoryException e) {
      throw ContentFreeCause.error(e.getMessage(), e);
    }
    List<String> gone = new ArrayList<>();
    for (InventoryFragment fragment : fragments) {
      Inventory inventory = fragment.inventory();
      List<String> files = Stream.concat(
              inventory.dataElements().stream().map(DataElement::source),
              inventory.activities().stream().map(Activity::source))
          .filter(source -> source != null && source.file() != null && !source.file().isBlank())
          .map(SourceLocation::file).distinct().toList();
      if (files.isEmpty() || !inventory.withoutBodyAnalysis().isEmpty()
          || files.stream().anyMatch(file -> inAnyOf(file, sourceRoots))) {
        continue;
      }
      String id = inventory.dataElements().isEmpty() ? inventory.activities().get(0).id()
          : inventory.dataElements().get(0).id();
      gone.add(InventoryFragment.topLevelOf(id));
    }
    return gone;
  }

  private static boolean inAnyOf(String file, List<String> sourceRoots) {
    for (String root : sourceRoots) {
      try {
        if (Files.isRegularFile(Path.of(root).resolve(file))) {
          return true;
        }
      } catch (InvalidPathException e) {
        return false; // not a path on this system: not a file that is there
      }
    }
    return false;
  }

  /** The one warning naming {@code gone}, the classes {@link #in} found; null when there are none. */
  public static String warning(Path classes, List<String> gone) {
    if (gone.isEmpty()) {
      return null;
    }
    String shown = gone.stream().limit(SHOWN).map(QuotedValue::shown).collect(Collectors.joining(", "))
        + (gone.size() > SHOWN ? " and " + (gone.size() - SHOWN) + " more" : "");
    boolean one = gone.size() == 1;
    return PluginMessage.STALE_FRAGMENTS.format(classes,
        one ? "fragment of 1 class whose source file is"
            : "fragments of " + gone.size() + " classes whose source files are",
        shown, one ? "its" : "their", one ? "it" : "them");
  }
}

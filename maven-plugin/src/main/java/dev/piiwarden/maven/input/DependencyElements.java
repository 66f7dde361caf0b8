package dev.piiwarden.maven.input;

import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MergeResult;
import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The data elements that dependencies declare: a module that reads the entities of another module
 * (a {@code domain} module, the usual layout) needs their categories for its check. Only the
 * declarations are taken; a dependency's activities and flows are for its own check.
 */
public final class DependencyElements {
  private DependencyElements() {}

  /**
   * The data elements declared in the fragments of {@code dependencies} (jars or class folders, by
   * artifact id); two different declarations of one id are a warning, the first kept.
   *
   * @throws MojoExecutionException naming the dependency, with core's message, when one holds a
   *     fragment that cannot be read
   */
  public static List<DataElement> read(Map<String, Path> dependencies, Log log) throws MojoExecutionException {
    List<InventoryFragment> declarations = new ArrayList<>();
    for (Map.Entry<String, Path> dependency : dependencies.entrySet()) {
      List<InventoryFragment> fragments;
      try {
        fragments = InventoryInputs.read(dependency.getValue());
      } catch (InventoryException e) {
        throw ContentFreeCause.error(PluginMessage.BAD_DEPENDENCY.format(dependency.getKey(), e.getMessage()), e);
      }
      for (InventoryFragment fragment : fragments) {
        declarations.add(new InventoryFragment(fragment.origin(),
            new Inventory(fragment.inventory().dataElements(), List.of(), List.of())));
      }
    }
    MergeResult merged = InventoryMerger.merge(declarations);
    merged.conflicts().forEach(conflict -> log.warn(PluginMessage.MERGE_CONFLICT.format(conflict)));
    return merged.inventory().dataElements();
  }
}

package dev.piiwarden.maven.input;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MergeResult;
import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The merged inventory of class folders, jars or inventory files, read and merged by core exactly as
 * {@code piiwarden inventory} does; merge conflicts and an input without fragments are warnings.
 */
public final class ModuleInventory {
  private ModuleInventory() {}

  /**
   * Reads and merges the inputs in order.
   *
   * @param noFragments what to say when the inputs hold no fragment; null when it was said already
   * @throws MojoExecutionException with core's one-line message when an input cannot be used
   */
  public static Inventory read(List<Path> inputs, Log log, NoFragments noFragments) throws MojoExecutionException {
    List<InventoryFragment> fragments;
    try {
      fragments = InventoryInputs.readAll(inputs);
    } catch (InventoryException e) {
      throw ContentFreeCause.error(e.getMessage(), e);
    }
    if (fragments.isEmpty() && noFragments != null) {
      String names = inputs.stream().map(Path::toString).collect(Collectors.joining(", "));
      if (noFragments == NoFragments.PROCESSOR_RAN) {
        log.info(PluginMessage.NO_PERSONAL_DATA.format(names));
      } else {
        log.warn(PluginMessage.NO_FRAGMENTS.format(names));
      }
    }
    MergeResult result = InventoryMerger.merge(fragments);
    for (String conflict : result.conflicts()) {
      log.warn(PluginMessage.MERGE_CONFLICT.format(conflict));
    }
    return result.inventory();
  }

  /** Why inputs may hold no fragment, which decides what the build log says. */
  public enum NoFragments {
    /** piiwarden-processor is on the module's annotation processor path: no personal data declared. */
    PROCESSOR_RAN,
    /** The processor may not have run: advise adding it. */
    PROCESSOR_UNKNOWN
  }

  /**
   * Reads one inventory file, such as a baseline; one without fragments (a folder or jar) is a warning.
   *
   * @throws MojoExecutionException with core's one-line message when it cannot be used
   */
  public static Inventory readFile(Path file, String parameter, Log log) throws MojoExecutionException {
    List<InventoryFragment> fragments;
    try {
      fragments = InventoryInputs.read(file);
    } catch (InventoryException e) {
      throw ContentFreeCause.error(parameter + " " + e.getMessage(), e);
    }
    if (fragments.isEmpty()) {
      log.warn(PluginMessage.EMPTY_INPUT.format(parameter, file));
    }
    return InventoryMerger.merge(fragments).inventory();
  }
}

package dev.piiwarden.cli.input;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryKeys;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MergeResult;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inventory of the PATH arguments that most commands take: every input read and merged, with
 * merge conflicts and a build without fragments reported as warnings.
 */
public final class MergedInputs {
  private MergedInputs() {}

  /**
   * Reads and merges the inputs, printing one warning line per problem that still leaves a usable
   * inventory.
   *
   * @throws dev.piiwarden.core.inventory.InventoryException when an input cannot be used
   */
  public static Inventory read(List<Path> paths, PrintWriter warnings) {
    List<InventoryFragment> fragments = InventoryInputs.readAll(paths);
    if (fragments.isEmpty()) {
      String inputs = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
      warnings.println(CliMessage.NO_FRAGMENTS.format(inputs));
    }
    MergeResult result = InventoryMerger.merge(fragments);
    for (String conflict : result.conflicts()) {
      warnings.println(CliMessage.MERGE_CONFLICT.format(conflict));
    }
    warnings.flush();
    return result.inventory();
  }

  /**
   * Reads and merges the inputs as {@link #read(List, PrintWriter)} does, and warns of each category,
   * purpose or subject the taxonomy does not know (a hand-edited inventory file, say): policy rules
   * on its parent keys would silently not apply.
   */
  public static Inventory read(List<Path> paths, PrintWriter warnings, Taxonomy taxonomy) {
    Inventory inventory = read(paths, warnings);
    for (String problem : InventoryKeys.unknown(inventory, taxonomy)) {
      warnings.println(CliMessage.UNKNOWN_KEY.format(problem));
    }
    warnings.flush();
    return inventory;
  }

  /**
   * Warns, one line per activity with {@code message}, of the activities that read data elements the
   * inputs do not declare (a model in another module or a dependency): their categories are unknown.
   */
  public static void warnOfUnresolvedReads(Inventory inventory, CliMessage message, PrintWriter warnings) {
    RopaBuilder.unresolvedReads(inventory).forEach((activity, count) -> warnings.println(message.format(
        activity, count == 1 ? "1 data element" : count + " data elements", count == 1 ? "it" : "them")));
    warnings.flush();
  }
}

package dev.piiwarden.core.inventory;

import java.util.List;

/**
 * The outcome of a merge.
 *
 * @param inventory the merged inventory
 * @param conflicts one message per id that two inputs declare differently (the first input's
 *     declaration is kept)
 */
public record MergeResult(Inventory inventory, List<String> conflicts) {
  /** Copies the conflicts. */
  public MergeResult {
    conflicts = List.copyOf(conflicts);
  }
}

package dev.piiwarden.maven;

import dev.piiwarden.core.inventory.Inventory;

/** "3 data elements, 2 activities, 1 flow" for the build log. */
final class InventoryCounts {
  private InventoryCounts() {}

  static String of(Inventory inventory) {
    return count(inventory.dataElements().size(), "data element", "data elements") + ", "
        + count(inventory.activities().size(), "activity", "activities") + ", "
        + count(inventory.flows().size(), "flow", "flows");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}

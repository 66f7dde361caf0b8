package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.text.EditDistance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code activities} of the configuration's recipients and transfers against the
 * inventory: each must be an activity's name (as the record shows it) or id. A misspelt one would
 * match nothing, and the recipient or transfer would silently be missing from the record.
 */
final class ActivitySelectors {
  private static final int MAX_NAMED = 3;

  private ActivitySelectors() {}

  /**
   * @throws ConfigException naming the entry ({@code recipients[0].activities[1]}) and the closest
   *     activity name, never the value written
   */
  static void check(RopaConfig config, Inventory inventory) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Activity activity : inventory.activities()) {
      names.add(RopaBuilder.nameOf(activity));
      ids.add(activity.id());
    }
    for (int i = 0; i < config.recipients().size(); i++) {
      check(config.recipients().get(i).activities(), "recipients[" + i + "]", names, ids);
    }
    List<Transfer> transfers = config.transfers() == null ? List.of() : config.transfers();
    for (int i = 0; i < transfers.size(); i++) {
      check(transfers.get(i).activities(), "transfers[" + i + "]", names, ids);
    }
  }

  private static void check(List<String> selectors, String entry, Set<String> names, Set<String> ids) {
    for (int j = 0; j < selectors.size(); j++) {
      String selector = selectors.get(j);
      if (names.contains(selector) || ids.contains(selector)) {
        continue;
      }
      String hint = hint(selector, names, ids);
      throw new ConfigException(entry + ".activities[" + j + "] is no activity of the inventory"
          + (hint == null ? "" : "; did you mean " + hint + "?")
          + "; name an activity as the record shows it (its @ProcessingActivity name, else"
          + " Type.method) or by its id" + (names.isEmpty() ? " (the inventory has no activities)" : ""));
    }
  }

  // The activities named Type.method of a type written alone (Newsletter for Newsletter.send), else the
  // closest name or id; quoted, null for none.
  private static String hint(String selector, Set<String> names, Set<String> ids) {
    List<String> ofType = names.stream()
        .filter(n -> n.indexOf('.') > 0 && n.substring(0, n.indexOf('.')).equalsIgnoreCase(selector.strip()))
        .limit(MAX_NAMED).toList();
    if (!ofType.isEmpty()) {
      return "'" + String.join("' or '", ofType) + "'";
    }
    List<String> known = new ArrayList<>(names);
    known.addAll(ids);
    String closest = EditDistance.closest(selector, known);
    return closest == null ? null : "'" + closest + "'";
  }
}

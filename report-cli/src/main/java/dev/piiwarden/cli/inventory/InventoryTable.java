package dev.piiwarden.cli.inventory;

import dev.piiwarden.cli.output.TextTable;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.ConsentRequirement;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import java.util.List;
import java.util.Objects;

/**
 * The inventory for people: one row per data element with what an auditor asks first (category,
 * purposes, subject, lawful basis, retention, special and sensitive), then the activities.
 */
public final class InventoryTable {
  private static final String NONE = "-";
  private static final String YES = "yes";

  private InventoryTable() {}

  /** The inventory as fixed-width text, ending with a newline. */
  public static String render(Inventory inventory) {
    StringBuilder text = new StringBuilder();
    text.append("DATA ELEMENTS (").append(inventory.dataElements().size()).append(")\n");
    text.append(elements(inventory.dataElements()));
    text.append("\nACTIVITIES (").append(inventory.activities().size()).append(")\n");
    text.append(activities(inventory.activities()));
    if (!inventory.flows().isEmpty()) {
      text.append("\nFLOWS (").append(inventory.flows().size()).append("): see --format json for their paths\n");
    }
    return text.toString();
  }

  private static String elements(List<DataElement> elements) {
    TextTable table =
        new TextTable("ID", "CATEGORY", "PURPOSES", "SUBJECT", "BASIS", "RETENTION", "SPECIAL", "SENSITIVE");
    for (DataElement element : elements) {
      table.row(
          element.id(),
          element.category(),
          list(element.purposes()),
          Objects.requireNonNullElse(element.subject(), NONE),
          element.basis().name(),
          Objects.requireNonNullElse(element.retention(), NONE),
          element.special() ? YES : NONE,
          element.sensitive() ? YES : NONE);
    }
    return table.render();
  }

  private static String activities(List<Activity> activities) {
    TextTable table = new TextTable("ID", "NAME", "PURPOSES", "CONSENT");
    for (Activity activity : activities) {
      table.row(
          activity.id(),
          Objects.requireNonNullElse(activity.name(), NONE),
          list(activity.purposes()),
          consent(activity.consent()));
    }
    return table.render();
  }

  private static String consent(ConsentRequirement consent) {
    return consent == null ? NONE : list(consent.purposes()) + " (" + consent.onDenied() + ")";
  }

  private static String list(List<String> keys) {
    return keys.isEmpty() ? NONE : String.join(",", keys);
  }
}

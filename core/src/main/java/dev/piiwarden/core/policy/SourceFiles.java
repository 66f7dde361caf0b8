package dev.piiwarden.core.policy;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * The source file of a type, for finding locations. The inventory names the file of each data
 * element and activity ({@code source.file}); a type without either gets the conventional path of
 * its top-level class, {@code com/acme/Checkout.java} for {@code com.acme.Checkout$Card}, relative to
 * the source root like the inventory's paths.
 */
final class SourceFiles {
  private final Map<String, String> byTopLevelType = new HashMap<>();

  SourceFiles(Inventory inventory) {
    for (DataElement element : inventory.dataElements()) {
      learn(element.type(), element.source());
    }
    for (Activity activity : inventory.activities()) {
      learn(activity.type(), activity.source());
    }
  }

  private void learn(String type, SourceLocation source) {
    if (type != null && source != null && source.file() != null) {
      byTopLevelType.putIfAbsent(InventoryFragment.topLevelOf(type), source.file());
    }
  }

  String of(String type) {
    String top = InventoryFragment.topLevelOf(type);
    return byTopLevelType.getOrDefault(top, top.replace('.', '/') + ".java");
  }

  /** The type of an element or activity id, {@code com.acme.User} for {@code com.acme.User#email}. */
  static String typeOf(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}

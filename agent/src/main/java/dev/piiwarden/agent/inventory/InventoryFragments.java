package dev.piiwarden.agent.inventory;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Reads the inventory fragment of one top-level class through the class loader that defines it,
 * each at most once per loader. Nothing is searched: the fragment's name follows from the class
 * name ({@code META-INF/piiwarden/types/<top-level binary name>.json}, as the processor writes it).
 */
final class InventoryFragments {
  static final String FOLDER = "META-INF/piiwarden/types/";

  private final Map<ClassLoader, Map<String, Optional<Inventory>>> byLoader = new WeakHashMap<>();

  /** The fragment of {@code topLevelName}; empty when there is none or it cannot be read. */
  Optional<Inventory> of(ClassLoader loader, String topLevelName) {
    synchronized (byLoader) {
      Map<String, Optional<Inventory>> read = byLoader.computeIfAbsent(loader, l -> new HashMap<>());
      Optional<Inventory> fragment = read.get(topLevelName);
      if (fragment == null) {
        fragment = load(loader, topLevelName);
        read.put(topLevelName, fragment);
      }
      return fragment;
    }
  }

  private static Optional<Inventory> load(ClassLoader loader, String topLevelName) {
    String resource = FOLDER + topLevelName + ".json";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(InventoryJson.read(in.readAllBytes(), resource));
    } catch (Exception e) {
      // The message could quote the file; the resource name and the kind of failure are enough.
      AgentReport.once(
          "fragment:" + resource,
          "the inventory fragment "
              + resource
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "); audit events of "
              + topLevelName
              + " carry no data categories, its consent checks are enforced. Recompile it with"
              + " piiwarden-processor to regenerate the fragment");
      return Optional.empty();
    }
  }
}

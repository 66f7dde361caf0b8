package dev.piiwarden.agent.inventory;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryFragment;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fills the {@link ActivityCatalog} for the classes transformed, while they are transformed or
 * ({@link #transformedLater}) when categories are first asked for: the first transformed class of a
 * top-level class reads that class's fragment, and for data elements its activities read in other
 * classes, those classes' fragments (each once per loader). Never a scan of the class path.
 */
public final class FragmentCatalogue {
  private final InventoryFragments fragments = new InventoryFragments();
  private final Map<ClassLoader, Set<String>> catalogued = new WeakHashMap<>();
  private final Map<ClassLoader, Map<String, Boolean>> present = new WeakHashMap<>();
  /** Classes transformed whose fragments are read on the next {@link #readPending}. */
  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

  private record Pending(String typeName, WeakReference<ClassLoader> loader) {}

  /**
   * Like {@link #transforming}, but the fragment is read when {@link ActivityCatalog} is first
   * asked for categories after this call, on the asking thread, not while the class loads. Never
   * throws.
   */
  public void transformedLater(String typeName, ClassLoader loader) {
    if (loader == null) {
      return;
    }
    pending.add(new Pending(typeName, new WeakReference<>(loader)));
    ActivityCatalog.readFirst(this);
  }

  /** Reads the fragments of the classes {@link #transformedLater} named since the last call. */
  void readPending() {
    Pending next;
    while ((next = pending.poll()) != null) {
      ClassLoader loader = next.loader().get();
      if (loader != null) {
        transforming(next.typeName(), loader);
      }
    }
  }

  /**
   * Called for each class being transformed. Never throws: the class is instrumented whatever
   * happens here.
   */
  public void transforming(String typeName, ClassLoader loader) {
    if (loader == null) {
      return;
    }
    try {
      String topLevel = InventoryFragment.topLevelOf(typeName);
      if (!catalogued(loader, topLevel)) {
        fragments.of(loader, topLevel).ifPresent(fragment -> catalogue(fragment, loader));
      }
    } catch (Throwable internal) {
      AgentReport.once(
          "catalogue:" + internal.getClass().getName(),
          "internal error while reading the inventory fragment of "
              + typeName
              + " ("
              + AgentReport.describe(internal)
              + "); its consent checks are enforced");
    }
  }

  /**
   * Whether the class {@code internalName} ({@code com/acme/Outer$Inner}) has a fragment, that is,
   * its top-level class has one; one resource lookup per top-level class and loader. Never throws.
   */
  public boolean hasFragment(ClassLoader loader, String internalName) {
    String topLevel = InventoryFragment.topLevelOf(internalName.replace('/', '.'));
    synchronized (present) {
      Map<String, Boolean> seen = present.computeIfAbsent(loader, l -> new HashMap<>());
      Boolean found = seen.get(topLevel);
      if (found == null) {
        try {
          found = loader.getResource(InventoryFragments.FOLDER + topLevel + ".json") != null;
        } catch (RuntimeException unreadable) {
          found = false;
        }
        seen.put(topLevel, found);
      }
      return found;
    }
  }

  /** Whether the top-level class was seen before; marks it seen, so a failure is not retried. */
  private boolean catalogued(ClassLoader loader, String topLevel) {
    synchronized (catalogued) {
      return !catalogued.computeIfAbsent(loader, l -> new HashSet<>()).add(topLevel);
    }
  }

  private void catalogue(Inventory fragment, ClassLoader loader) {
    Map<String, String> categoryOf = new HashMap<>();
    for (DataElement element : fragment.dataElements()) {
      categoryOf.put(element.id(), element.category());
    }
    for (Activity activity : fragment.activities()) {
      Set<String> categories = new TreeSet<>();
      for (String read : activity.reads()) {
        String category = categoryOf.get(read);
        if (category == null) {
          category = elsewhere(read, loader);
        }
        if (category != null) {
          categories.add(category);
        }
      }
      // Personal data received as parameters: {@code <activity id>:<parameter name>}.
      String ownParameters = activity.id() + ":";
      categoryOf.forEach(
          (id, category) -> {
            if (id.startsWith(ownParameters)) {
              categories.add(category);
            }
          });
      ActivityCatalog.record(
          activity.id(), List.copyOf(categories), activity.purposes(), activity.subjectFrom());
    }
  }

  private String elsewhere(String elementId, ClassLoader loader) {
    Optional<Inventory> other = fragments.of(loader, InventoryFragment.topLevelOf(elementId));
    if (other.isEmpty()) {
      return null;
    }
    for (DataElement element : other.get().dataElements()) {
      if (element.id().equals(elementId)) {
        return element.category();
      }
    }
    return null;
  }
}

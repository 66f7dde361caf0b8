package dev.piiwarden.core.report.diff;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed from one inventory to another: elements, activities and flows added, removed or
 * changed, and purposes gained or lost by each element and activity. Purposes are reported as
 * {@link ChangeKind#PURPOSE} changes only, not also as a changed element or activity, so a CI job
 * can fail on new purposes alone.
 */
public final class InventoryDiff {
  private InventoryDiff() {}

  /** The changes from {@code base} to {@code next}, in kind order, then by id. */
  public static List<Change> compare(Inventory base, Inventory next) {
    List<Change> changes = new ArrayList<>();
    Map<String, DataElement> oldElements = byId(base.dataElements(), DataElement::id);
    Map<String, DataElement> newElements = byId(next.dataElements(), DataElement::id);
    things(changes, ChangeKind.ELEMENT, oldElements, newElements, InventoryDiff::elementFields);
    Map<String, Activity> oldActivities = byId(base.activities(), Activity::id);
    Map<String, Activity> newActivities = byId(next.activities(), Activity::id);
    things(changes, ChangeKind.ACTIVITY, oldActivities, newActivities, InventoryDiff::activityFields);
    things(changes, ChangeKind.FLOW, flows(base), flows(next), paths -> Map.of("path", String.join("; ", paths)));
    purposes(changes, oldElements, newElements, DataElement::purposes);
    purposes(changes, oldActivities, newActivities, Activity::purposes);
    return changes;
  }

  /** The kinds that changed. */
  public static Set<ChangeKind> kinds(List<Change> changes) {
    Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
    changes.forEach(c -> kinds.add(c.kind()));
    return kinds;
  }

  private static <T> Map<String, T> byId(List<T> things, Function<T, String> id) {
    Map<String, T> map = new TreeMap<>();
    things.forEach(t -> map.putIfAbsent(id.apply(t), t));
    return map;
  }

  /**
   * The flows of an inventory by identity: element, sink, target and the method that reads the
   * element (the path's first step), e.g. {@code com.acme.User#email -> LOG org.slf4j.Logger#info
   * (read in com.acme.Signup#run(com.acme.User))}. So a new method sending data where another already
   * does is an added flow; the paths from one reading method, all of them, are the flow's value, and a
   * different set of paths is a changed flow.
   */
  private static Map<String, SortedSet<String>> flows(Inventory inventory) {
    Map<String, SortedSet<String>> map = new TreeMap<>();
    for (Flow flow : inventory.flows()) {
      String reader = flow.path().isEmpty() ? "" : " (read in " + flow.path().get(0) + ")";
      map.computeIfAbsent(flow.element() + " -> " + flow.sink() + " " + flow.target() + reader, k -> new TreeSet<>())
          .add(String.join(" > ", flow.path()));
    }
    return map;
  }

  private static <T> void things(
      List<Change> changes, ChangeKind kind, Map<String, T> before, Map<String, T> after,
      Function<T, Map<String, String>> fields) {
    Set<String> ids = new TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    for (String id : ids) {
      T old = before.get(id);
      T now = after.get(id);
      if (old == null) {
        changes.add(new Change(kind, Change.Type.ADDED, id, List.of()));
      } else if (now == null) {
        changes.add(new Change(kind, Change.Type.REMOVED, id, List.of()));
      } else {
        List<String> details = new ArrayList<>();
        Map<String, String> a = fields.apply(old);
        Map<String, String> b = fields.apply(now);
        a.forEach((field, value) -> {
          if (!Objects.equals(value, b.get(field))) {
            details.add(field + ": " + value + " -> " + b.get(field));
          }
        });
        if (!details.isEmpty()) {
          changes.add(new Change(kind, Change.Type.CHANGED, id, details));
        }
      }
    }
  }

  private static <T> void purposes(
      List<Change> changes, Map<String, T> before, Map<String, T> after, Function<T, List<String>> purposes) {
    Set<String> ids = new TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    for (String id : ids) {
      Set<String> old = before.containsKey(id) ? new TreeSet<>(purposes.apply(before.get(id))) : Set.of();
      Set<String> now = after.containsKey(id) ? new TreeSet<>(purposes.apply(after.get(id))) : Set.of();
      for (String purpose : now) {
        if (!old.contains(purpose)) {
          changes.add(new Change(ChangeKind.PURPOSE, Change.Type.ADDED, id, List.of(purpose)));
        }
      }
      for (String purpose : old) {
        if (!now.contains(purpose)) {
          changes.add(new Change(ChangeKind.PURPOSE, Change.Type.REMOVED, id, List.of(purpose)));
        }
      }
    }
  }

  private static Map<String, String> elementFields(DataElement e) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("category", e.category());
    fields.put("subject", e.subject());
    fields.put("basis", String.valueOf(e.basis()));
    fields.put("retention", String.valueOf(e.retention()));
    fields.put("redaction", String.valueOf(e.redaction()));
    fields.put("kind", String.valueOf(e.kind()));
    return fields;
  }

  private static Map<String, String> activityFields(Activity a) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", String.valueOf(a.name()));
    fields.put("consent", a.consent() == null ? "none"
        : String.join(",", a.consent().purposes()) + " (" + a.consent().onDenied() + ")");
    fields.put("subjectFrom", String.valueOf(a.subjectFrom()));
    fields.put("reads", String.valueOf(a.reads()));
    if (!a.writes().isEmpty()) {
      fields.put("writes", String.valueOf(a.writes()));
    }
    fields.put("sinks", String.valueOf(a.sinks().stream().map(s -> s.kind() + " " + s.target()).distinct().sorted().toList()));
    return fields;
  }
}

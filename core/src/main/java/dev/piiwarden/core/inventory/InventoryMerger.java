package dev.piiwarden.core.inventory;

import dev.piiwarden.core.text.QuotedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges fragments into one inventory. The same declaration seen twice (a class folder and the jar
 * built from it) is kept once; two different declarations under one id are a conflict, reported
 * with both origins, and the first is kept. The merged inventory's flows are computed from all the
 * inputs together, so a flow that crosses classes or modules shows with its whole path.
 */
public final class InventoryMerger {
  private InventoryMerger() {}

  /** Merges the fragments in order. */
  public static MergeResult merge(List<InventoryFragment> fragments) {
    List<String> conflicts = new ArrayList<>();
    Map<String, Sourced<DataElement>> elements = new LinkedHashMap<>();
    Map<String, Sourced<Activity>> activities = new LinkedHashMap<>();
    Map<String, Sourced<MethodSummary>> summaries = new LinkedHashMap<>();
    Set<Flow> flows = new LinkedHashSet<>();
    Set<String> withoutBodyAnalysis = new LinkedHashSet<>();
    for (InventoryFragment fragment : fragments) {
      Inventory inventory = fragment.inventory();
      add(elements, inventory.dataElements(), DataElement::id, fragment.origin(), "data element", conflicts);
      add(activities, inventory.activities(), Activity::id, fragment.origin(), "activity", conflicts);
      add(summaries, inventory.summaries(), MethodSummary::method, fragment.origin(), "method summary", conflicts);
      flows.addAll(inventory.flows());
      withoutBodyAnalysis.addAll(inventory.withoutBodyAnalysis());
    }
    Inventory united =
        new Inventory(
            Inventory.SCHEMA,
            elements.values().stream().map(Sourced::value).toList(),
            activities.values().stream().map(Sourced::value).toList(),
            new ArrayList<>(flows),
            summaries.values().stream().map(Sourced::value).toList());
    Inventory merged =
        new Inventory(Inventory.SCHEMA, united.dataElements(), united.activities(),
            FlowComputation.flowsOf(united), united.summaries(), new ArrayList<>(withoutBodyAnalysis));
    return new MergeResult(merged, conflicts);
  }

  private record Sourced<T>(T value, String origin) {}

  private static <T> void add(
      Map<String, Sourced<T>> seen,
      List<T> values,
      Function<T, String> id,
      String origin,
      String what,
      List<String> conflicts) {
    for (T value : values) {
      Sourced<T> first = seen.putIfAbsent(id.apply(value), new Sourced<>(value, origin));
      if (first != null && !Objects.equals(first.value(), value)) {
        conflicts.add(
            what + " " + QuotedValue.shown(id.apply(value)) + " is declared differently in " + first.origin() + " and "
                + origin + "; kept the first. Rebuild both from the same sources, or remove the stale one");
      }
    }
  }
}

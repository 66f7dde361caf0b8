package dev.piiwarden.core.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Normalisation of the model's lists, so that equal content gives equal JSON. */
final class Sorting {
  private Sorting() {}

  static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return List.copyOf(copy);
  }

  /** Sorted, without duplicates. */
  static List<String> keys(List<String> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return list.stream().distinct().sorted().collect(Collectors.toUnmodifiableList());
  }

  /**
   * The parameters carried in part, of those in {@code parameters}, each with its types sorted;
   * parameters not carried, or with no type, are left out.
   */
  static Map<Integer, List<String>> partial(List<Integer> parameters, Map<Integer, List<String>> exceptMembersOf) {
    if (exceptMembersOf == null || exceptMembersOf.isEmpty()) {
      return Map.of();
    }
    Map<Integer, List<String>> except = new TreeMap<>();
    exceptMembersOf.forEach((parameter, types) -> {
      if (parameters.contains(parameter) && types != null && !types.isEmpty()) {
        except.put(parameter, keys(types));
      }
    });
    return Collections.unmodifiableMap(except);
  }

  /** Order kept, nulls refused. */
  static List<String> ordered(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> int compareLists(List<T> a, List<T> b, Comparator<? super T> order) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = order.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}

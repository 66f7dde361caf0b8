package dev.piiwarden.core.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A method's own parameters that a value carries, each whole or in part: in part, the value holds
 * only members of that parameter's object that are no personal data, and the types whose data
 * elements it therefore does not carry are listed ({@code exceptMembersOf}). Adding a parameter
 * already held keeps only the types excluded both times, so the sets only shrink once a parameter
 * is in: fixed-point computations over it end.
 */
public final class CarriedParameters {
  private final Map<Integer, Set<String>> except = new TreeMap<>();

  /**
   * Adds {@code parameter}, carried except the members of {@code exceptMembersOf} (none: whole).
   *
   * @return whether this changed
   */
  public boolean add(int parameter, Collection<String> exceptMembersOf) {
    Set<String> held = except.get(parameter);
    if (held == null) {
      except.put(parameter, new TreeSet<>(exceptMembersOf));
      return true;
    }
    return held.retainAll(exceptMembersOf);
  }

  /**
   * Adds the parameters a pass or return value lists, as there and also without the members of
   * {@code alsoExcept}.
   */
  public boolean addAll(List<Integer> parameters, Map<Integer, List<String>> exceptMembersOf,
      Collection<String> alsoExcept) {
    boolean changed = false;
    for (int parameter : parameters) {
      Set<String> types = new TreeSet<>(alsoExcept);
      types.addAll(exceptMembersOf.getOrDefault(parameter, List.of()));
      changed |= add(parameter, types);
    }
    return changed;
  }

  /** Adds every parameter of {@code other}, each also without the members of {@code alsoExcept}. */
  public boolean addAll(CarriedParameters other, Collection<String> alsoExcept) {
    boolean changed = false;
    for (Map.Entry<Integer, Set<String>> entry : other.except.entrySet()) {
      Set<String> types = new TreeSet<>(entry.getValue());
      types.addAll(alsoExcept);
      changed |= add(entry.getKey(), types);
    }
    return changed;
  }

  /** Whether an element handed in as {@code parameter} is carried. */
  public boolean carries(int parameter, String element) {
    Set<String> types = except.get(parameter);
    return types != null && !types.contains(DataElement.ownerOf(element));
  }

  /** The types whose members {@code parameter} is carried without; empty when whole or absent. */
  public Set<String> exceptMembersOf(int parameter) {
    return except.getOrDefault(parameter, Set.of());
  }

  /** The parameters carried, whole or in part. */
  public Set<Integer> positions() {
    return except.keySet();
  }

  /** The parameters carried in part, with the types of each, as the model's records list them. */
  public Map<Integer, List<String>> exceptLists() {
    Map<Integer, List<String>> lists = new TreeMap<>();
    except.forEach((parameter, types) -> {
      if (!types.isEmpty()) {
        lists.put(parameter, List.copyOf(types));
      }
    });
    return lists;
  }
}

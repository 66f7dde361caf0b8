package dev.piiwarden.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the flows of an inventory: every path by which a data element reaches a sink, within one
 * method (an activity's sink records) or through calls (the method summaries), across classes and
 * modules. Values returned by project methods are followed too: what each method returns is worked
 * out first, to a fixed point, and a call's result then carries it into the caller's sinks and
 * calls. A value stored in a field that holds values (a pass whose callee is a field id,
 * {@code <type>#<field>}) is followed to every read of that field (a call result of the field id),
 * whichever object and method read it; the field shows in the path. Stores found while following
 * can feed reads already resolved, so the computation is repeated until the fields' contents stop
 * growing. A parameter that reaches a sink or another call only through members of its object
 * that are no personal data ({@code exceptMembersOf}) does not carry that object's own elements on.
 * An element held in a field or returned by a method keeps a path from each method it came from,
 * up to {@link #MAX_ORIGINS}.
 * A path never visits a method twice, except a method that reads back through a field
 * what it stored, so recursion and cycles end.
 */
public final class FlowComputation {
  /** Paths longer than this are not followed; real call chains to a sink are far shorter. */
  static final int MAX_DEPTH = 32;
  /**
   * Paths kept per element held in a field or carried by a call result, each from another method
   * (its first): {@code Response.ok(...)} fed by a lookup and by an export keeps both.
   */
  static final int MAX_ORIGINS = 4;

  private final Map<String, List<MethodSummary>> byCallee = new HashMap<>();
  /** What each method with a {@link ReturnValue} returns, once its callees' returns are known. */
  private final Map<String, Returned> returned = new HashMap<>();
  /** Call results resolved after the fixed point, per calling method. */
  private final Map<String, Map<CallResult, Carried>> resolved = new HashMap<>();
  private boolean settled;
  private final Set<Flow> flows = new LinkedHashSet<>();
  /** Per field id, each element stored in it with the paths from its readers to the field. */
  private final Map<String, Map<String, List<List<String>>>> fields;
  /** Whether this round stored an element in a field that earlier rounds had not. */
  private boolean fieldsGrew;

  /** A method's return value: each element with the paths from its readers to the method, and parameters. */
  private static final class Returned {
    final Map<String, List<List<String>>> elements = new TreeMap<>();
    final CarriedParameters parameters = new CarriedParameters();
  }

  /**
   * What a call result carries in the calling method.
   *
   * @param elements each element with the paths from its readers up to, not including, the caller
   * @param parameters the caller's own parameters it carries, whole or in part
   */
  private record Carried(Map<String, List<List<String>>> elements, CarriedParameters parameters) {}

  /**
   * Adds {@code path} to those of {@code element} unless one of them starts at the same method or
   * {@link #MAX_ORIGINS} are kept; whether it was added.
   */
  private static boolean addPath(Map<String, List<List<String>>> paths, String element, List<String> path) {
    List<List<String>> kept = paths.computeIfAbsent(element, k -> new ArrayList<>(1));
    String origin = path.isEmpty() ? null : path.get(0);
    for (List<String> each : kept) {
      if (Objects.equals(origin, each.isEmpty() ? null : each.get(0))) {
        return false;
      }
    }
    if (kept.size() >= MAX_ORIGINS) {
      return false;
    }
    kept.add(path);
    return true;
  }

  private FlowComputation(List<MethodSummary> summaries, Map<String, Map<String, List<List<String>>>> fields) {
    this.fields = fields;
    for (MethodSummary summary : summaries) {
      byCallee.computeIfAbsent(summary.method(), k -> new ArrayList<>()).add(summary);
      for (String overridden : summary.overrides()) {
        byCallee.computeIfAbsent(overridden, k -> new ArrayList<>()).add(summary);
      }
    }
    settleReturns(summaries);
  }

  /** The flows of {@code inventory}: those it already lists plus every one its parts imply. */
  public static List<Flow> flowsOf(Inventory inventory) {
    return new ArrayList<>(computed(inventory).flows);
  }

  /**
   * The data elements each method returns, read there or in the methods whose results it returns
   * (a lookup returning the user its repository built), by method id; methods that return none are
   * left out.
   */
  public static Map<String, Set<String>> returnedElements(Inventory inventory) {
    Map<String, Set<String>> elements = new TreeMap<>();
    computed(inventory).returned.forEach((method, value) -> {
      if (!value.elements.isEmpty()) {
        elements.put(method, new TreeSet<>(value.elements.keySet()));
      }
    });
    return elements;
  }

  /** The computation run until the fields' contents stop growing. */
  private static FlowComputation computed(Inventory inventory) {
    Map<String, Map<String, List<List<String>>>> fields = new HashMap<>();
    FlowComputation computation;
    int rounds = 0;
    do {
      computation = new FlowComputation(inventory.summaries(), fields);
      computation.run(inventory);
    } while (computation.fieldsGrew && ++rounds < MAX_DEPTH);
    return computation;
  }

  private void run(Inventory inventory) {
    flows.addAll(inventory.flows());
    for (Activity activity : inventory.activities()) {
      for (SinkRecord sink : activity.sinks()) {
        for (String element : sink.elements()) {
          flows.add(new Flow(element, sink.kind(), sink.target(), List.of(activity.id())));
        }
      }
    }
    for (MethodSummary summary : inventory.summaries()) {
      for (ResultSink sink : summary.resultSinks()) {
        resolve(summary, sink.result()).elements().forEach((element, prefixes) -> {
          for (List<String> prefix : prefixes) {
            List<String> path = extend(prefix, summary.method());
            if (path != null) {
              flows.add(new Flow(element, sink.kind(), sink.target(), path));
            }
          }
        });
      }
      for (ArgumentPass pass : summary.passes()) {
        for (String element : pass.elements()) {
          List<String> path = new ArrayList<>(List.of(summary.method()));
          follow(element, pass, path);
        }
        for (CallResult result : pass.results()) {
          resolve(summary, result).elements().forEach((element, prefixes) -> {
            for (List<String> prefix : prefixes) {
              List<String> path = extend(prefix, summary.method());
              if (path != null) {
                follow(element, pass, new ArrayList<>(path));
              }
            }
          });
        }
      }
    }
  }

  /** Whether {@code path} passes a field after position {@code from}. */
  private static boolean throughField(List<String> path, int from) {
    for (int k = from + 1; k < path.size(); k++) {
      if (ArgumentPass.isField(path.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** Follows {@code element}, handed on by {@code pass}, into the methods the call may run. */
  private void follow(String element, ArgumentPass pass, List<String> path) {
    String callee = pass.callee();
    int parameter = pass.argument();
    if (path.size() >= MAX_DEPTH) {
      return;
    }
    if (ArgumentPass.isField(callee)) {
      List<String> stored = extend(path, callee);
      if (stored != null && addPath(fields.computeIfAbsent(callee, k -> new TreeMap<>()), element, stored)) {
        fieldsGrew = true;
      }
      return;
    }
    for (MethodSummary target : byCallee.getOrDefault(callee, List.of())) {
      if (path.contains(target.method()) || !pass.mayRun(target)) {
        continue; // super.save(user) runs the superclass's method, user.save() on a User no other type's
      }
      path.add(target.method());
      for (ParameterSink sink : target.sinks()) {
        if (sink.parameter() == parameter && sink.reaches(element)) {
          flows.add(new Flow(element, sink.kind(), sink.target(), List.copyOf(path)));
        }
      }
      for (ResultSink sink : target.resultSinks()) {
        if (resolve(target, sink.result()).parameters().carries(parameter, element)) {
          flows.add(new Flow(element, sink.kind(), sink.target(), List.copyOf(path)));
        }
      }
      for (ArgumentPass next : target.passes()) {
        boolean carries = next.carries(parameter, element);
        for (CallResult result : next.results()) {
          carries |= resolve(target, result).parameters().carries(parameter, element);
        }
        if (carries) {
          follow(element, next, path);
        }
      }
      path.remove(path.size() - 1);
    }
  }

  /**
   * Works out what every method returns: its own returned elements and parameters, plus what the
   * results it returns carry, repeated until nothing changes (sets only grow, so it ends).
   */
  private void settleReturns(List<MethodSummary> summaries) {
    List<MethodSummary> returning = summaries.stream().filter(s -> s.returns() != null).toList();
    for (MethodSummary summary : returning) {
      returned.putIfAbsent(summary.method(), new Returned());
    }
    boolean changed = !returning.isEmpty();
    while (changed) {
      changed = false;
      for (MethodSummary summary : returning) {
        Returned value = returned.get(summary.method());
        for (String element : summary.returns().elements()) {
          changed |= addPath(value.elements, element, List.of(summary.method()));
        }
        ReturnValue returns = summary.returns();
        changed |= value.parameters.addAll(returns.parameters(), returns.exceptMembersOf(), Set.of());
        for (CallResult result : summary.returns().results()) {
          Carried carried = carried(summary, result, 0);
          for (Map.Entry<String, List<List<String>>> entry : carried.elements().entrySet()) {
            for (List<String> prefix : entry.getValue()) {
              List<String> path = extend(prefix, summary.method());
              if (path != null) {
                changed |= addPath(value.elements, entry.getKey(), path);
              }
            }
          }
          changed |= value.parameters.addAll(carried.parameters(), Set.of());
        }
      }
    }
    settled = true;
  }

  /** What {@code result}, a call made in {@code caller}, carries there; cached once returns are settled. */
  private Carried resolve(MethodSummary caller, CallResult result) {
    if (!settled) {
      return carried(caller, result, 0);
    }
    return resolved.computeIfAbsent(caller.method(), k -> new HashMap<>())
        .computeIfAbsent(result, r -> carried(caller, r, 0));
  }

  private Carried carried(MethodSummary caller, CallResult result, int depth) {
    Map<String, List<List<String>>> elements = new TreeMap<>();
    CarriedParameters parameters = new CarriedParameters();
    if (depth >= MAX_DEPTH) {
      return new Carried(elements, parameters);
    }
    if (ArgumentPass.isField(result.callee())) {
      fields.getOrDefault(result.callee(), Map.of()).forEach((element, paths) -> elements.put(element, List.copyOf(paths)));
      return new Carried(elements, parameters);
    }
    for (MethodSummary callee : byCallee.getOrDefault(result.callee(), List.of())) {
      Returned value = returned.get(callee.method());
      if (value == null || !result.mayRun(callee)) {
        continue;
      }
      value.elements.forEach((element, paths) -> paths.forEach(path -> addPath(elements, element, path)));
      for (int parameter : value.parameters.positions()) {
        // The returned parameter is whatever the caller passed at that call, less the members of
        // the types the callee returns it without.
        Set<String> except = value.parameters.exceptMembersOf(parameter);
        for (ArgumentPass pass : caller.passes()) {
          if (pass.callee().equals(result.callee()) && pass.argument() == parameter && pass.line() == result.line()) {
            pass.elements().stream().filter(element -> !except.contains(DataElement.ownerOf(element)))
                .forEach(element -> addPath(elements, element, List.of()));
            parameters.addAll(pass.parameters(), pass.exceptMembersOf(), except);
            for (CallResult inner : pass.results()) {
              if (!inner.equals(result)) {
                Carried nested = carried(caller, inner, depth + 1);
                nested.elements().forEach((element, paths) -> {
                  if (!except.contains(DataElement.ownerOf(element))) {
                    paths.forEach(path -> addPath(elements, element, path));
                  }
                });
                parameters.addAll(nested.parameters(), except);
              }
            }
          }
        }
      }
    }
    return new Carried(elements, parameters);
  }

  /**
   * {@code prefix} followed by {@code method}, or null when the prefix already visits it, unless
   * through a field since (a method that reads back what it stored: {@code order.setEmail(...)}
   * then {@code repository.save(order)}).
   */
  private List<String> extend(List<String> prefix, String method) {
    int visited = prefix.lastIndexOf(method);
    if ((visited >= 0 && !throughField(prefix, visited)) || prefix.size() >= MAX_DEPTH) {
      return null;
    }
    List<String> path = new ArrayList<>(prefix);
    path.add(method);
    return List.copyOf(path);
  }
}

package dev.piiwarden.core.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the flows of an inventory: every path by which a data element reaches a sink, within one
 * method (an activity's sink records) or through calls (the method summaries), across classes and
 * modules. A path never visits a method twice, so recursion and cycles end.
 */
public final class FlowComputation {
  /** Paths longer than this are not followed; real call chains to a sink are far shorter. */
  static final int MAX_DEPTH = 32;

  private final Map<String, List<MethodSummary>> byCallee = new HashMap<>();
  private final Set<Flow> flows = new LinkedHashSet<>();

  private FlowComputation(List<MethodSummary> summaries) {
    for (MethodSummary summary : summaries) {
      byCallee.computeIfAbsent(summary.method(), k -> new ArrayList<>()).add(summary);
      for (String overridden : summary.overrides()) {
        byCallee.computeIfAbsent(overridden, k -> new ArrayList<>()).add(summary);
      }
    }
  }

  /** The flows of {@code inventory}: those it already lists plus every one its parts imply. */
  public static List<Flow> flowsOf(Inventory inventory) {
    FlowComputation computation = new FlowComputation(inventory.summaries());
    computation.flows.addAll(inventory.flows());
    for (Activity activity : inventory.activities()) {
      for (SinkRecord sink : activity.sinks()) {
        for (String element : sink.elements()) {
          computation.flows.add(new Flow(element, sink.kind(), sink.target(), List.of(activity.id())));
        }
      }
    }
    for (MethodSummary summary : inventory.summaries()) {
      for (ArgumentPass pass : summary.passes()) {
        for (String element : pass.elements()) {
          List<String> path = new ArrayList<>(List.of(summary.method()));
          computation.follow(element, pass.callee(), pass.argument(), path);
        }
      }
    }
    return new ArrayList<>(computation.flows);
  }

  private void follow(String element, String callee, int parameter, List<String> path) {
    if (path.size() >= MAX_DEPTH) {
      return;
    }
    for (MethodSummary target : byCallee.getOrDefault(callee, List.of())) {
      if (path.contains(target.method())) {
        continue;
      }
      path.add(target.method());
      for (ParameterSink sink : target.sinks()) {
        if (sink.parameter() == parameter) {
          flows.add(new Flow(element, sink.kind(), sink.target(), List.copyOf(path)));
        }
      }
      for (ArgumentPass pass : target.passes()) {
        if (pass.parameters().contains(parameter)) {
          follow(element, pass.callee(), pass.argument(), path);
        }
      }
      path.remove(path.size() - 1);
    }
  }
}

package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the methods analysed so far in one compilation return, so that a caller logging what one of
 * them hands back is told so on its own line (PW018), as it is for data it reads itself. Only
 * methods already analysed are known: those of the caller's own class and of classes javac analysed
 * before it. The merged {@code flows} follow every returned value regardless (the fragments keep
 * result sinks as such); this only adds diagnostics.
 */
final class ReturnedData {
  /** Calls nested deeper than this are not followed; real code nests a few. */
  private static final int MAX_DEPTH = 8;

  private record Returned(Set<String> elements, Set<Integer> parameters) {}

  private final Map<String, Returned> byMethod = new HashMap<>();

  /** Adds what the methods of one analysed class return, followed to a fixed point among them. */
  void settle(Collection<MethodFacts> methods) {
    for (MethodFacts facts : methods) {
      if (facts.returnValue() != null) {
        byMethod.putIfAbsent(facts.id(), new Returned(new TreeSet<>(), new TreeSet<>()));
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MethodFacts facts : methods) {
        ReturnValue value = facts.returnValue();
        if (value == null) {
          continue;
        }
        Returned returned = byMethod.get(facts.id());
        changed |= returned.elements().addAll(value.elements());
        changed |= returned.parameters().addAll(value.parameters());
        for (CallResult result : value.results()) {
          Returned carried = carried(facts, result, 0);
          changed |= returned.elements().addAll(carried.elements());
          changed |= returned.parameters().addAll(carried.parameters());
        }
      }
    }
  }

  /** The sinks of {@code facts} that a call's result carries known personal data to. */
  List<MethodFacts.SinkCall> returnedToSinks(MethodFacts facts) {
    return facts.resultSinkCalls().stream()
        .map(call -> {
          ResultSink sink = call.sink();
          Set<String> elements = carried(facts, sink.result(), 0).elements();
          return elements.isEmpty() ? null : new MethodFacts.SinkCall(new SinkRecord(sink.kind(), sink.target(),
              sink.line(), List.copyOf(elements), sink.confidence()), call.tree());
        })
        .filter(call -> call != null)
        .toList();
  }

  /** What {@code result}, a call in {@code caller}, carries there: its callee's return, the arguments it returns. */
  private Returned carried(MethodFacts caller, CallResult result, int depth) {
    Returned callee = byMethod.get(result.callee());
    Returned carried = new Returned(new TreeSet<>(), new TreeSet<>());
    if (callee == null || depth >= MAX_DEPTH) {
      return carried;
    }
    carried.elements().addAll(callee.elements());
    for (int parameter : callee.parameters()) {
      for (ArgumentPass pass : caller.passes()) {
        if (pass.callee().equals(result.callee()) && pass.argument() == parameter && pass.line() == result.line()) {
          carried.elements().addAll(pass.elements());
          carried.parameters().addAll(pass.parameters());
          for (CallResult inner : pass.results()) {
            if (!inner.equals(result)) {
              Returned nested = carried(caller, inner, depth + 1);
              carried.elements().addAll(nested.elements());
              carried.parameters().addAll(nested.parameters());
            }
          }
        }
      }
    }
    return carried;
  }
}

package dev.piiwarden.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.CarriedParameters;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the methods analysed so far in one compilation return, and those of other modules' classes
 * whose fragments are on the class path, so that a caller logging what one of them hands back is
 * told so on its own line (PW018), as it is for data it reads itself: at once when the callee is
 * known (the caller's own class, a class analysed before it, another module's), else when the
 * compilation ends. What is stored in a field that holds values counts as what reading the field
 * returns. The merged {@code flows} follow every returned value regardless (the fragments keep
 * result sinks as such); this only adds diagnostics.
 */
final class ReturnedData {
  /** Calls nested deeper than this are not followed; real code nests a few. */
  private static final int MAX_DEPTH = 8;

  private record Returned(Set<String> elements, CarriedParameters parameters) {}

  /** A method that returns something: its id, what it returns, and the calls its results come from. */
  private record Returning(String id, ReturnValue value, List<ArgumentPass> passes) {}

  /** A log or console sink of a call result whose callee was not known yet, with its compilation unit. */
  private record Later(List<ArgumentPass> passes, MethodFacts.ResultSinkCall call, CompilationUnitTree unit) {}

  /** A sink found once the compilation ended, and the compilation unit it is written in. */
  record LateSink(MethodFacts.SinkCall call, CompilationUnitTree unit) {}

  private final Map<String, Returned> byMethod = new HashMap<>();
  private final List<Later> later = new ArrayList<>();
  /** The summaries in a fragment on the class path, by top-level binary name; empty when none. */
  private final Function<String, List<MethodSummary>> onClassPath;
  private final Set<String> looked = new HashSet<>();

  ReturnedData(Function<String, List<MethodSummary>> onClassPath) {
    this.onClassPath = onClassPath;
  }

  /** Adds what the methods of one analysed class return, followed to a fixed point among them. */
  void settle(Collection<MethodFacts> methods) {
    List<Returning> returning = new ArrayList<>();
    for (MethodFacts facts : methods) {
      if (facts.returnValue() != null) {
        returning.add(new Returning(facts.id(), facts.returnValue(), facts.passes()));
      }
      for (ArgumentPass pass : facts.passes()) {
        if (ArgumentPass.isField(pass.callee()) && (!pass.elements().isEmpty() || !pass.results().isEmpty())) {
          // a store in a field that holds values: its reads carry what any method stored there
          // (parameters stored are followed by the merge only)
          returning.add(new Returning(pass.callee(), new ReturnValue(pass.elements(), List.of(), pass.results()),
              facts.passes()));
        }
      }
    }
    settle(returning);
  }

  private void settle(List<Returning> methods) {
    for (Returning method : methods) {
      byMethod.putIfAbsent(method.id(), new Returned(new TreeSet<>(), new CarriedParameters()));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Returning method : methods) {
        Returned returned = byMethod.get(method.id());
        changed |= returned.elements().addAll(method.value().elements());
        ReturnValue value = method.value();
        changed |= returned.parameters().addAll(value.parameters(), value.exceptMembersOf(), Set.of());
        for (CallResult result : method.value().results()) {
          Returned carried = carried(method.passes(), result, 0);
          changed |= returned.elements().addAll(carried.elements());
          changed |= returned.parameters().addAll(carried.parameters(), Set.of());
        }
      }
    }
  }

  /**
   * The sinks of {@code facts}, written in {@code unit}, that a call's result carries known personal
   * data to. Log and console sinks of callees not known yet are kept for {@link #lateSinks}.
   */
  List<MethodFacts.SinkCall> returnedToSinks(MethodFacts facts, CompilationUnitTree unit) {
    List<MethodFacts.SinkCall> calls = new ArrayList<>();
    for (MethodFacts.ResultSinkCall call : facts.resultSinkCalls()) {
      if (returnOf(call.sink().result().callee()) == null) {
        SinkKind kind = call.sink().kind();
        if (kind == SinkKind.LOG || kind == SinkKind.CONSOLE) {
          later.add(new Later(facts.passes(), call, unit));
        }
        continue;
      }
      MethodFacts.SinkCall resolved = resolved(facts.passes(), call);
      if (resolved != null) {
        calls.add(resolved);
      }
    }
    return calls;
  }

  /**
   * When every class is analysed: the log and console sinks that the results of callees analysed
   * after their callers carry personal data to.
   */
  List<LateSink> lateSinks() {
    List<LateSink> sinks = new ArrayList<>();
    for (Later pending : later) {
      MethodFacts.SinkCall resolved = resolved(pending.passes(), pending.call());
      if (resolved != null) {
        sinks.add(new LateSink(resolved, pending.unit()));
      }
    }
    later.clear();
    return sinks;
  }

  private MethodFacts.SinkCall resolved(List<ArgumentPass> passes, MethodFacts.ResultSinkCall call) {
    ResultSink sink = call.sink();
    Set<String> elements = carried(passes, sink.result(), 0).elements();
    return elements.isEmpty() ? null : new MethodFacts.SinkCall(new SinkRecord(sink.kind(), sink.target(),
        sink.line(), List.copyOf(elements), sink.confidence()), call.tree());
  }

  /**
   * What {@code result}, a call made by a method with these {@code passes}, carries there: its
   * callee's return, and the arguments passed at that call that the callee returns.
   */
  private Returned carried(List<ArgumentPass> passes, CallResult result, int depth) {
    Returned callee = returnOf(result.callee());
    Returned carried = new Returned(new TreeSet<>(), new CarriedParameters());
    if (callee == null || depth >= MAX_DEPTH) {
      return carried;
    }
    carried.elements().addAll(callee.elements());
    for (int parameter : callee.parameters().positions()) {
      Set<String> except = callee.parameters().exceptMembersOf(parameter);
      for (ArgumentPass pass : passes) {
        if (pass.callee().equals(result.callee()) && pass.argument() == parameter && pass.line() == result.line()) {
          carried.elements().addAll(unless(except, pass.elements()));
          carried.parameters().addAll(pass.parameters(), pass.exceptMembersOf(), except);
          for (CallResult inner : pass.results()) {
            if (!inner.equals(result)) {
              Returned nested = carried(passes, inner, depth + 1);
              carried.elements().addAll(unless(except, nested.elements()));
              carried.parameters().addAll(nested.parameters(), except);
            }
          }
        }
      }
    }
    return carried;
  }

  /** The {@code elements} not declared by one of the types {@code except}. */
  private static List<String> unless(Set<String> except, Collection<String> elements) {
    return elements.stream().filter(element -> !except.contains(DataElement.ownerOf(element))).toList();
  }

  /** What the method {@code id} returns, reading its class's fragment from the class path once. */
  private Returned returnOf(String id) {
    Returned known = byMethod.get(id);
    if (known != null || ArgumentPass.isField(id)) {
      return known; // a field's stores are those of this compilation; fragments are not read for them
    }
    String topLevel = InventoryFragment.topLevelOf(id);
    if (looked.add(topLevel)) {
      List<Returning> returning = new ArrayList<>();
      for (MethodSummary summary : onClassPath.apply(topLevel)) {
        if (summary.returns() != null) {
          returning.add(new Returning(summary.method(), summary.returns(), summary.passes()));
        }
      }
      settle(returning);
    }
    return byMethod.get(id);
  }
}

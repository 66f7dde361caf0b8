package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.CallResult;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a value carries: data elements, the current method's parameters and the results of project
 * calls, and how it got them. Immutable; {@link #EMPTY} for values that carry nothing.
 */
final class Taint {
  static final Taint EMPTY = new Taint(Set.of(), Set.of(), Set.of(), false, false, false);
  private static final Comparator<CallResult> CALL_ORDER =
      Comparator.comparing(CallResult::callee).thenComparingInt(CallResult::line);

  final Set<String> elements;
  final Set<Integer> parameters;
  /** Project calls whose results the value carries; what those carry is known when summaries merge. */
  final Set<CallResult> results;
  /** Passed through a local variable on the way. */
  final boolean viaLocal;
  /** Read inside a lambda or a local or anonymous class. */
  final boolean lambda;
  /** Returned by a method called on an object that holds the elements. */
  final boolean viaCall;

  private Taint(Set<String> elements, Set<Integer> parameters, Set<CallResult> results, boolean viaLocal,
      boolean lambda, boolean viaCall) {
    this.elements = elements;
    this.parameters = parameters;
    this.results = results;
    this.viaLocal = viaLocal;
    this.lambda = lambda;
    this.viaCall = viaCall;
  }

  static Taint element(String id, boolean lambda) {
    return new Taint(Set.of(id), Set.of(), Set.of(), false, lambda, false);
  }

  static Taint parameter(int index) {
    return new Taint(Set.of(), Set.of(index), Set.of(), false, false, false);
  }

  static Taint result(CallResult call, boolean lambda) {
    return new Taint(Set.of(), Set.of(), Set.of(call), false, lambda, false);
  }

  boolean isEmpty() {
    return elements.isEmpty() && parameters.isEmpty() && results.isEmpty();
  }

  Taint union(Taint other) {
    if (other == null || other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Set<String> e = new TreeSet<>(elements);
    e.addAll(other.elements);
    Set<Integer> p = new TreeSet<>(parameters);
    p.addAll(other.parameters);
    Set<CallResult> r = results.isEmpty() ? other.results : union(results, other.results);
    return new Taint(e, p, r, viaLocal || other.viaLocal, lambda || other.lambda, viaCall || other.viaCall);
  }

  private static Set<CallResult> union(Set<CallResult> a, Set<CallResult> b) {
    if (b.isEmpty() || a.containsAll(b)) {
      return a;
    }
    Set<CallResult> all = new TreeSet<>(CALL_ORDER);
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  Taint withElements(Set<String> more) {
    if (more.isEmpty() || elements.containsAll(more)) {
      return this;
    }
    Set<String> e = new TreeSet<>(elements);
    e.addAll(more);
    return new Taint(e, parameters, results, viaLocal, lambda, viaCall);
  }

  /** The elements {@code more} added as returned by a call on the object that holds them. */
  Taint withElementsViaCall(Set<String> more) {
    Taint added = withElements(more);
    return added == this || added.viaCall ? added
        : new Taint(added.elements, parameters, results, viaLocal, lambda, true);
  }

  /**
   * Only the current method's parameters this value carries: what a plain getter of another field
   * returns of its receiver. The field is not the receiver's data or results, but a path from a
   * caller through the parameter is kept.
   */
  Taint parametersOnly() {
    if (parameters.isEmpty()) {
      return EMPTY;
    }
    return elements.isEmpty() && results.isEmpty() ? this
        : new Taint(Set.of(), parameters, Set.of(), viaLocal, lambda, viaCall);
  }

  /** The same value as read back from a local variable. */
  Taint throughLocal() {
    return isEmpty() || viaLocal ? this : new Taint(elements, parameters, results, true, lambda, viaCall);
  }

  /** The same value as returned by a call it was handed to (a serializer's output). */
  Taint throughCall() {
    return isEmpty() || viaCall ? this : new Taint(elements, parameters, results, viaLocal, lambda, true);
  }

  /** The same value as seen inside a lambda or local class. */
  Taint inLambda() {
    return isEmpty() || lambda ? this : new Taint(elements, parameters, results, viaLocal, true, viaCall);
  }
}

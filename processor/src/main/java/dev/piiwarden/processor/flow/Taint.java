package dev.piiwarden.processor.flow;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a value carries: data elements and the current method's parameters, and how it got them.
 * Immutable; {@link #EMPTY} for values that carry nothing.
 */
final class Taint {
  static final Taint EMPTY = new Taint(Set.of(), Set.of(), false, false);

  final Set<String> elements;
  final Set<Integer> parameters;
  /** Passed through a local variable on the way. */
  final boolean viaLocal;
  /** Read inside a lambda or a local or anonymous class. */
  final boolean lambda;

  private Taint(Set<String> elements, Set<Integer> parameters, boolean viaLocal, boolean lambda) {
    this.elements = elements;
    this.parameters = parameters;
    this.viaLocal = viaLocal;
    this.lambda = lambda;
  }

  static Taint element(String id, boolean lambda) {
    return new Taint(Set.of(id), Set.of(), false, lambda);
  }

  static Taint parameter(int index) {
    return new Taint(Set.of(), Set.of(index), false, false);
  }

  boolean isEmpty() {
    return elements.isEmpty() && parameters.isEmpty();
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
    return new Taint(e, p, viaLocal || other.viaLocal, lambda || other.lambda);
  }

  Taint withElements(Set<String> more) {
    if (more.isEmpty() || elements.containsAll(more)) {
      return this;
    }
    Set<String> e = new TreeSet<>(elements);
    e.addAll(more);
    return new Taint(e, parameters, viaLocal, lambda);
  }

  /** The same value as read back from a local variable. */
  Taint throughLocal() {
    return isEmpty() || viaLocal ? this : new Taint(elements, parameters, true, lambda);
  }

  /** The same value as seen inside a lambda or local class. */
  Taint inLambda() {
    return isEmpty() || lambda ? this : new Taint(elements, parameters, viaLocal, true);
  }
}

package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.DataElement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a value carries: data elements, the current method's parameters and the results of project
 * calls, and how it got them. Immutable; {@link #EMPTY} for values that carry nothing.
 */
final class Taint {
  static final Taint EMPTY = new Taint(Set.of(), Set.of(), Map.of(), Set.of(), false, false, false);
  private static final Comparator<CallResult> CALL_ORDER =
      Comparator.comparing(CallResult::callee).thenComparingInt(CallResult::line);

  final Set<String> elements;
  final Set<Integer> parameters;
  /**
   * Per parameter carried only in part, the types whose members it does not carry: the value holds
   * only members of that parameter's object that are no personal data. A parameter in
   * {@link #parameters} but not here is carried whole.
   */
  final Map<Integer, Set<String>> exceptMembersOf;
  /** Project calls whose results the value carries; what those carry is known when summaries merge. */
  final Set<CallResult> results;
  /** Passed through a local variable on the way. */
  final boolean viaLocal;
  /** Read inside a lambda or a local or anonymous class. */
  final boolean lambda;
  /** Returned by a method called on an object that holds the elements. */
  final boolean viaCall;

  private Taint(Set<String> elements, Set<Integer> parameters, Map<Integer, Set<String>> exceptMembersOf,
      Set<CallResult> results, boolean viaLocal, boolean lambda, boolean viaCall) {
    this.elements = elements;
    this.parameters = parameters;
    this.exceptMembersOf = exceptMembersOf;
    this.results = results;
    this.viaLocal = viaLocal;
    this.lambda = lambda;
    this.viaCall = viaCall;
  }

  static Taint element(String id, boolean lambda) {
    return new Taint(Set.of(id), Set.of(), Map.of(), Set.of(), false, lambda, false);
  }

  static Taint parameter(int index) {
    return new Taint(Set.of(), Set.of(index), Map.of(), Set.of(), false, false, false);
  }

  static Taint result(CallResult call, boolean lambda) {
    return new Taint(Set.of(), Set.of(), Map.of(), Set.of(call), false, lambda, false);
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
    return new Taint(e, p, exceptUnion(other), r, viaLocal || other.viaLocal, lambda || other.lambda,
        viaCall || other.viaCall);
  }

  /**
   * What neither value carries of each parameter: a parameter carried whole by either is carried
   * whole, one carried in part by both lacks only what both lack.
   */
  private Map<Integer, Set<String>> exceptUnion(Taint other) {
    if (exceptMembersOf.isEmpty() && other.exceptMembersOf.isEmpty()) {
      return Map.of();
    }
    Map<Integer, Set<String>> except = new TreeMap<>();
    for (int parameter : parameters) {
      Set<String> types = exceptMembersOf.get(parameter);
      if (types == null) {
        continue; // carried whole here
      }
      if (other.parameters.contains(parameter)) {
        Set<String> otherTypes = other.exceptMembersOf.get(parameter);
        if (otherTypes == null) {
          continue;
        }
        types = new TreeSet<>(types);
        types.retainAll(otherTypes);
      }
      if (!types.isEmpty()) {
        except.put(parameter, types);
      }
    }
    for (int parameter : other.parameters) {
      Set<String> types = other.exceptMembersOf.get(parameter);
      if (types != null && !parameters.contains(parameter)) {
        except.put(parameter, types);
      }
    }
    return except;
  }

  /** Per parameter carried in part, the types whose members it does not carry, as lists. */
  Map<Integer, List<String>> exceptLists() {
    Map<Integer, List<String>> lists = new TreeMap<>();
    exceptMembersOf.forEach((parameter, types) -> lists.put(parameter, List.copyOf(types)));
    return lists;
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
    return new Taint(e, parameters, exceptMembersOf, results, viaLocal, lambda, viaCall);
  }

  /** The elements {@code more} added as returned by a call on the object that holds them. */
  Taint withElementsViaCall(Set<String> more) {
    Taint added = withElements(more);
    return added == this || added.viaCall ? added
        : new Taint(added.elements, parameters, exceptMembersOf, results, viaLocal, lambda, true);
  }

  /**
   * What a member of the value's object that is no personal data, declared in one of
   * {@code ownTypes} (the object's type and its supertypes), carries of it: the current method's
   * parameters, in part: an object a caller passed in still reaches where the member goes, but the
   * caller's elements that are that object's own members do not. Elements and call results the
   * value carries are not carried (a plain getter of another field returns that field alone).
   */
  Taint parametersExceptMembersOf(Set<String> ownTypes) {
    if (parameters.isEmpty()) {
      return EMPTY;
    }
    return new Taint(Set.of(), parameters, exceptAlso(ownTypes), Set.of(), viaLocal, lambda, viaCall);
  }

  /**
   * What a method of the value's object, which its summary describes, can return of it besides
   * what that summary says: everything the value carries except the elements that are the object's
   * own members (declared in one of {@code ownTypes}), and its parameters in part.
   */
  Taint withoutMembersOf(Set<String> ownTypes) {
    if (isEmpty()) {
      return this;
    }
    Set<String> e = new TreeSet<>();
    for (String element : elements) {
      if (!ownTypes.contains(DataElement.ownerOf(element))) {
        e.add(element);
      }
    }
    return new Taint(e, parameters, exceptAlso(ownTypes), results, viaLocal, lambda, viaCall);
  }

  private Map<Integer, Set<String>> exceptAlso(Set<String> ownTypes) {
    Map<Integer, Set<String>> except = new TreeMap<>();
    for (int parameter : parameters) {
      Set<String> types = new TreeSet<>(ownTypes);
      types.addAll(exceptMembersOf.getOrDefault(parameter, Set.of()));
      except.put(parameter, types);
    }
    return except;
  }

  /** The same value as read back from a local variable. */
  Taint throughLocal() {
    return isEmpty() || viaLocal ? this
        : new Taint(elements, parameters, exceptMembersOf, results, true, lambda, viaCall);
  }

  /** The same value as returned by a call it was handed to (a serializer's output). */
  Taint throughCall() {
    return isEmpty() || viaCall ? this
        : new Taint(elements, parameters, exceptMembersOf, results, viaLocal, lambda, true);
  }

  /** The same value as seen inside a lambda or local class. */
  Taint inLambda() {
    return isEmpty() || lambda ? this
        : new Taint(elements, parameters, exceptMembersOf, results, viaLocal, true, viaCall);
  }
}

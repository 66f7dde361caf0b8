package dev.piiwarden.processor.flow;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The element types a container holds: an array's component type, and the type arguments of
 * collections, maps (keys and values), {@code Optional}, streams and iterators, found through any
 * subtype ({@code class Users extends ArrayList<User>} holds {@code User}). A table, not code: add
 * a row to teach the analysis another container.
 */
final class ContainerTypes {
  /** Container type → the positions of its type arguments that hold elements. */
  private static final Map<String, List<Integer>> CONTAINERS = Map.of(
      "java.lang.Iterable", List.of(0),
      "java.util.Iterator", List.of(0),
      "java.util.Map", List.of(0, 1),
      "java.util.Optional", List.of(0),
      "java.util.stream.BaseStream", List.of(0));

  private final Types types;

  ContainerTypes(Types types) {
    this.types = types;
  }

  /** The types {@code type} holds as elements, or an empty list when it is no container. */
  List<TypeMirror> held(TypeMirror type) {
    if (type == null) {
      return List.of();
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return List.of(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    List<TypeMirror> held = new ArrayList<>();
    walk(type, declared -> {
      List<Integer> positions = CONTAINERS.get(name(declared));
      if (positions == null) {
        return false;
      }
      List<? extends TypeMirror> arguments = declared.getTypeArguments();
      for (int position : positions) {
        if (position < arguments.size()) {
          TypeMirror argument = bound(arguments.get(position));
          if (argument != null) {
            held.add(argument);
          }
        }
      }
      return true; // its own supertypes hold the same elements
    });
    return held;
  }

  /**
   * Whether a value of {@code type} can hold what it was made from: text ({@code CharSequence}), an
   * array, a container, {@code Object} or a type variable. A client, a response or a builder cannot
   * as far as the analysis is concerned.
   */
  boolean holdsValues(TypeMirror type) {
    if (type == null) {
      return false;
    }
    switch (type.getKind()) {
      case ARRAY:
      case TYPEVAR:
      case INTERSECTION:
      case WILDCARD:
        return true;
      case DECLARED:
        if (name((DeclaredType) type).equals("java.lang.Object")) {
          return true;
        }
        break;
      default:
        return false;
    }
    return anySupertype(type, name -> name.equals("java.lang.CharSequence") || CONTAINERS.containsKey(name));
  }

  /** Whether {@code type} is a container: an iterable, an iterator, a map, an optional or a stream. */
  boolean isContainer(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.DECLARED && anySupertype(type, CONTAINERS::containsKey);
  }

  private boolean anySupertype(TypeMirror type, Predicate<String> named) {
    boolean[] found = {false};
    walk(type, declared -> {
      found[0] |= named.test(name(declared));
      return found[0];
    });
    return found[0];
  }

  /**
   * Visits {@code type} and its supertypes, each once, breadth first; {@code visit} returns true to
   * leave out the supertypes of the type it was given.
   */
  private void walk(TypeMirror type, Predicate<DeclaredType> visit) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror next = pending.removeFirst();
      if (next instanceof DeclaredType declared && seen.add(next.toString()) && !visit.test(declared)) {
        pending.addAll(types.directSupertypes(next));
      }
    }
  }

  private static String name(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }

  /** A wildcard's upper bound, a type variable's erasure, or the type itself. */
  private TypeMirror bound(TypeMirror argument) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror extendsBound = ((WildcardType) argument).getExtendsBound();
      return extendsBound == null ? null : bound(extendsBound);
    }
    if (argument.getKind() == TypeKind.TYPEVAR || argument.getKind() == TypeKind.INTERSECTION) {
      return types.erasure(argument);
    }
    return argument;
  }
}

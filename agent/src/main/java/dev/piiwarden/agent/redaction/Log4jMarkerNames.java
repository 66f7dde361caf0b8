package dev.piiwarden.agent.redaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * The names of a Log4j2 marker and of its parents (what {@code %marker} writes) redacted: a
 * marker where one of them holds personal data is given as a stand-in, a {@code
 * MarkerManager.Log4jMarker} made directly (never registered with {@code MarkerManager}) of the
 * redacted name, with the parents' stand-ins as its parents; one that holds nothing is the same
 * instance. The application's markers are never changed.
 */
final class Log4jMarkerNames {
  /** Parents deeper than this are not followed: such a marker is not written ({@link #redact}). */
  private static final int MAX_DEPTH = 16;

  /** The marker members of the Log4j2 API an event class sees. */
  private static final ClassValue<Members> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> eventType) {
          try {
            return new Members(eventType);
          } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read Log4j2 markers beside " + eventType.getName(), e);
          }
        }
      };

  private final LogText text;

  Log4jMarkerNames(LogText text) {
    this.text = text;
  }

  /**
   * {@code marker}, or its stand-in when a name in it holds personal data; throws when it cannot
   * be read or its stand-in made.
   */
  Object redact(Class<?> eventType, Object marker) throws Throwable {
    return redact(MEMBERS.get(eventType), marker, 0);
  }

  private Object redact(Members members, Object marker, int depth) throws Throwable {
    if (marker == null) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("markers with parents deeper than " + MAX_DEPTH);
    }
    String name = (String) (Object) members.getName.invokeExact(marker);
    String redactedName = name == null ? null : text.text(name);
    boolean changed = redactedName != name;
    Object[] parents = (Object[]) (Object) members.getParents.invokeExact(marker);
    Object[] redactedParents = parents;
    if (parents != null) {
      for (int i = 0; i < parents.length; i++) {
        Object parent = redact(members, parents[i], depth + 1);
        if (parent != parents[i]) {
          if (redactedParents == parents) {
            redactedParents = parents.clone();
          }
          redactedParents[i] = parent;
        }
      }
    }
    if (!changed && redactedParents == parents) {
      return marker;
    }
    Object standIn = (Object) members.newMarker.invokeExact((Object) redactedName);
    if (redactedParents != null && redactedParents.length > 0) {
      // a Marker[], as getParents gives it or its clone; setParents copies it
      members.setParents.invokeExact(standIn, (Object) redactedParents);
    }
    return standIn;
  }

  private static final class Members {
    final MethodHandle getName;
    final MethodHandle getParents;
    /** {@code new MarkerManager.Log4jMarker(name)}, {@code (Object)Object}. */
    final MethodHandle newMarker;
    /** {@code Log4jMarker#setParents(Marker...)}, {@code (Object, Object)void}. */
    final MethodHandle setParents;

    Members(Class<?> eventType) throws ReflectiveOperationException {
      Class<?> marker = ReflectiveAccess.sibling(eventType, "org.apache.logging.log4j.Marker");
      Class<?> log4jMarker = ReflectiveAccess.sibling(eventType, "org.apache.logging.log4j.MarkerManager$Log4jMarker");
      getName = ReflectiveAccess.handle(ReflectiveAccess.method(marker, "getName"), BoundReads.READ);
      getParents = ReflectiveAccess.handle(ReflectiveAccess.method(marker, "getParents"), BoundReads.READ);
      newMarker = ReflectiveAccess.constructor(log4jMarker, BoundReads.READ, String.class);
      setParents = ReflectiveAccess.handle(
          ReflectiveAccess.method(log4jMarker, "setParents", marker.arrayType()),
          MethodType.methodType(void.class, Object.class, Object.class));
    }
  }
}

package dev.piiwarden.agent.redaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The names of an SLF4J marker and of the markers it references (Logback's {@code %marker},
 * logstash-logback-encoder's {@code tags}) redacted: a marker where one of them holds personal data
 * is given as a stand-in, a detached marker ({@code BasicMarkerFactory#getDetachedMarker}, never
 * registered with {@code MarkerFactory}) of the redacted name referencing the references' stand-ins;
 * one that holds nothing is the same instance. The application's markers are never changed.
 * logstash-logback-encoder's own markers are {@link LogstashFields}' and pass as they are here.
 */
final class Slf4jMarkerNames {
  /** References deeper than this are not followed: such a marker is not written ({@link #redact}). */
  private static final int MAX_DEPTH = 16;

  /** The marker members and the detached-marker factory of the SLF4J an event class sees. */
  private static final ClassValue<Members> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> eventType) {
          try {
            return new Members(eventType);
          } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read SLF4J markers beside " + eventType.getName(), e);
          }
        }
      };

  private final LogText text;

  Slf4jMarkerNames(LogText text) {
    this.text = text;
  }

  /**
   * {@code marker}, or its stand-in when a name in it holds personal data; throws when it cannot
   * be read or its stand-in made, for the caller to leave it out of the event.
   */
  Object redact(Class<?> eventType, Object marker) throws Throwable {
    return redact(MEMBERS.get(eventType), marker, 0);
  }

  private Object redact(Members members, Object marker, int depth) throws Throwable {
    if (marker == null || LogstashFields.isMarker(marker)) {
      return marker;
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("markers referencing markers deeper than " + MAX_DEPTH);
    }
    String name = (String) (Object) members.getName.invokeExact(marker);
    String redactedName = name == null ? null : text.text(name);
    boolean changed = redactedName != name;
    List<Object> references = null;
    if ((boolean) members.hasReferences.invokeExact(marker)) {
      references = new ArrayList<>();
      for (Iterator<?> each = (Iterator<?>) (Object) members.iterator.invokeExact(marker); each.hasNext(); ) {
        Object reference = each.next();
        Object replacement = redact(members, reference, depth + 1);
        changed |= replacement != reference;
        references.add(replacement);
      }
    }
    if (!changed) {
      return marker;
    }
    Object standIn = (Object) members.detached.invokeExact((Object) redactedName);
    if (references != null) {
      for (Object reference : references) {
        members.add.invokeExact(standIn, reference);
      }
    }
    return standIn;
  }

  private static final class Members {
    final MethodHandle getName;
    final MethodHandle hasReferences;
    final MethodHandle iterator;
    final MethodHandle add;
    /** {@code getDetachedMarker} of a {@code BasicMarkerFactory} of its own, {@code (Object)Object}. */
    final MethodHandle detached;

    Members(Class<?> eventType) throws ReflectiveOperationException {
      Class<?> marker = ReflectiveAccess.sibling(eventType, "org.slf4j.Marker");
      Class<?> factory = ReflectiveAccess.sibling(eventType, "org.slf4j.helpers.BasicMarkerFactory");
      getName = ReflectiveAccess.handle(ReflectiveAccess.method(marker, "getName"), BoundReads.READ);
      hasReferences = ReflectiveAccess.handle(
          ReflectiveAccess.method(marker, "hasReferences"), MethodType.methodType(boolean.class, Object.class));
      iterator = ReflectiveAccess.handle(ReflectiveAccess.method(marker, "iterator"), BoundReads.READ);
      add = ReflectiveAccess.handle(
          ReflectiveAccess.method(marker, "add", marker), MethodType.methodType(void.class, Object.class, Object.class));
      Object markers = factory.getConstructor().newInstance();
      detached = ReflectiveAccess.handle(ReflectiveAccess.method(factory, "getDetachedMarker", String.class),
              MethodType.methodType(Object.class, Object.class, Object.class))
          .bindTo(markers);
    }
  }
}

package dev.piiwarden.agent.consent;

import java.lang.reflect.Array;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * What a skipped method returns, by the erasure of its return type: zero or false for
 * primitives, an empty {@code Optional}, an empty immutable {@code List}, {@code Set}, {@code Map}
 * (also for {@code Collection}, {@code Iterable} and the sorted and navigable sets and maps), an
 * empty array, a new empty stream, a future completed with null, Kotlin's {@code Unit}, an empty
 * {@code Mono}, {@code Flux}, Kotlin {@code Flow} or RxJava 3 {@code Observable}, {@code Flowable},
 * {@code Maybe}, a completed {@code Completable}; otherwise null. A Kotlin suspend function's default is that of the type it gives its caller. Streams and
 * futures, which their callers use up or complete, are made anew for each skipped call: {@link
 * #value}.
 */
public final class SkipDefaults {
  /**
   * A default made for each call. An enum rather than lambdas, which would spin classes when the
   * first annotated class is rewritten.
   */
  private enum Fresh {
    STREAM, INT_STREAM, LONG_STREAM, DOUBLE_STREAM, FUTURE, STAGE;

    Object make() {
      return switch (this) {
        case STREAM -> Stream.empty();
        case INT_STREAM -> IntStream.empty();
        case LONG_STREAM -> LongStream.empty();
        case DOUBLE_STREAM -> DoubleStream.empty();
        case FUTURE -> CompletableFuture.completedFuture(null);
        case STAGE -> CompletableFuture.completedStage(null);
      };
    }
  }

  /** An empty array of the named type, made on the first skipped call: the type's loader is known then. */
  private static final class EmptyArray {
    private final String component;
    private volatile Object made;

    EmptyArray(String component) {
      this.component = component;
    }

    Object get(Class<?> declaringType) throws ClassNotFoundException {
      Object array = made;
      if (array == null) {
        array = Array.newInstance(componentType(component, declaringType), 0);
        made = array;
      }
      return array;
    }
  }

  /**
   * An empty value of a library the application carries (Kotlin's {@code Unit}, Reactor's {@code
   * Mono} and {@code Flux}, a Kotlin {@code Flow}, RxJava's types): a public static field or
   * no-argument method of a class of that library, looked up in the declaring class's loader on
   * the first skipped call. Each rule has its own, so each loader gets its own library's value.
   */
  private static final class LibraryValue {
    private final String owner;
    private final String member;
    private final boolean field;
    private volatile Object made;

    LibraryValue(String owner, String member, boolean field) {
      this.owner = owner;
      this.member = member;
      this.field = field;
    }

    Object get(Class<?> declaringType) throws ReflectiveOperationException {
      Object value = made;
      if (value == null) {
        Class<?> type = Class.forName(owner, true, declaringType.getClassLoader());
        value = field ? type.getField(member).get(null) : type.getMethod(member).invoke(null);
        made = value;
      }
      return value;
    }
  }

  /** By return type: where its library keeps an empty value ({@code Class#member}, a method with "()"). */
  private static final Map<String, String> LIBRARY_VALUES = Map.ofEntries(
      Map.entry("kotlin.Unit", "kotlin.Unit#INSTANCE"),
      Map.entry("kotlinx.coroutines.flow.Flow", "kotlinx.coroutines.flow.FlowKt#emptyFlow()"),
      Map.entry("reactor.core.publisher.Mono", "reactor.core.publisher.Mono#empty()"),
      Map.entry("reactor.core.publisher.Flux", "reactor.core.publisher.Flux#empty()"),
      Map.entry("org.reactivestreams.Publisher", "reactor.core.publisher.Flux#empty()"),
      Map.entry("io.reactivex.rxjava3.core.Observable", "io.reactivex.rxjava3.core.Observable#empty()"),
      Map.entry("io.reactivex.rxjava3.core.Flowable", "io.reactivex.rxjava3.core.Flowable#empty()"),
      Map.entry("io.reactivex.rxjava3.core.Maybe", "io.reactivex.rxjava3.core.Maybe#empty()"),
      Map.entry("io.reactivex.rxjava3.core.Completable", "io.reactivex.rxjava3.core.Completable#complete()"));

  private static final Map<String, Object> BY_TYPE =
      Map.ofEntries(
          Map.entry("boolean", false),
          Map.entry("byte", (byte) 0),
          Map.entry("short", (short) 0),
          Map.entry("char", '\0'),
          Map.entry("int", 0),
          Map.entry("long", 0L),
          Map.entry("float", 0f),
          Map.entry("double", 0d),
          Map.entry("java.util.Optional", Optional.empty()),
          Map.entry("java.util.OptionalInt", OptionalInt.empty()),
          Map.entry("java.util.OptionalLong", OptionalLong.empty()),
          Map.entry("java.util.OptionalDouble", OptionalDouble.empty()),
          Map.entry("java.util.List", List.of()),
          Map.entry("java.util.Collection", List.of()),
          Map.entry("java.lang.Iterable", List.of()),
          Map.entry("java.util.Set", Set.of()),
          Map.entry("java.util.SortedSet", Collections.emptyNavigableSet()),
          Map.entry("java.util.NavigableSet", Collections.emptyNavigableSet()),
          Map.entry("java.util.Map", Map.of()),
          Map.entry("java.util.SortedMap", Collections.emptyNavigableMap()),
          Map.entry("java.util.NavigableMap", Collections.emptyNavigableMap()),
          Map.entry("java.util.stream.Stream", Fresh.STREAM),
          Map.entry("java.util.stream.IntStream", Fresh.INT_STREAM),
          Map.entry("java.util.stream.LongStream", Fresh.LONG_STREAM),
          Map.entry("java.util.stream.DoubleStream", Fresh.DOUBLE_STREAM),
          Map.entry("java.util.concurrent.CompletableFuture", Fresh.FUTURE),
          Map.entry("java.util.concurrent.CompletionStage", Fresh.STAGE),
          Map.entry("java.util.concurrent.Future", Fresh.FUTURE));

  private static final Map<String, Class<?>> PRIMITIVES = Map.of(
      "boolean", boolean.class, "byte", byte.class, "short", short.class, "char", char.class,
      "int", int.class, "long", long.class, "float", float.class, "double", double.class);

  private SkipDefaults() {}

  /**
   * The default for a return type named like ASM's {@code Type.getClassName()} ({@code
   * java.lang.String[]} for an array); null when there is none. Pass it to {@link #value} for the
   * value a call returns.
   */
  public static Object forReturnType(String typeName) {
    if (typeName.endsWith("[]")) {
      String component = typeName.substring(0, typeName.length() - 2);
      return new EmptyArray(component);
    }
    String library = LIBRARY_VALUES.get(typeName);
    if (library != null) {
      int hash = library.indexOf('#');
      boolean method = library.endsWith("()");
      return new LibraryValue(library.substring(0, hash),
          library.substring(hash + 1, method ? library.length() - 2 : library.length()), !method);
    }
    return BY_TYPE.get(typeName);
  }

  /**
   * What one skipped call of a method of {@code declaringType} returns, from its {@link
   * #forReturnType} default: the default itself, or a new one for a default made per call.
   *
   * @throws ReflectiveOperationException when an array's component type, or the library of a
   *     library's empty value, is not visible from the class
   */
  static Object value(Object skipDefault, Class<?> declaringType) throws ReflectiveOperationException {
    if (skipDefault instanceof Fresh fresh) {
      return fresh.make();
    }
    if (skipDefault instanceof LibraryValue library) {
      return library.get(declaringType);
    }
    return skipDefault instanceof EmptyArray array ? array.get(declaringType) : skipDefault;
  }

  private static Class<?> componentType(String name, Class<?> declaring) throws ClassNotFoundException {
    if (name.endsWith("[]")) {
      return componentType(name.substring(0, name.length() - 2), declaring).arrayType();
    }
    Class<?> primitive = PRIMITIVES.get(name);
    return primitive != null ? primitive : Class.forName(name, false, declaring.getClassLoader());
  }
}

package dev.piiwarden.agent.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a skipped method returns, by the erasure of its return type: zero or false for
 * primitives, an empty {@code Optional}, an empty immutable {@code List}, {@code Set} or {@code
 * Map} (also for {@code Collection} and {@code Iterable}), otherwise null.
 */
public final class SkipDefaults {
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
          Map.entry("java.util.Map", Map.of()));

  private SkipDefaults() {}

  /** The default for a return type named like {@code Class.getName()}; null when there is none. */
  public static Object forReturnType(String typeName) {
    return BY_TYPE.get(typeName);
  }
}

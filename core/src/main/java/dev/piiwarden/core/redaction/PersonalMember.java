package dev.piiwarden.core.redaction;

import dev.piiwarden.annotations.Redaction;
import java.util.function.Function;

/**
 * A {@code @PersonalData} member as rendering needs it: name, category, redaction and a reader,
 * taken from a generated descriptor or found by reflection.
 */
final class PersonalMember {
  private final String name;
  private final String category;
  private final Redaction redaction;
  private final Function<Object, Object> reader;

  PersonalMember(
      String name, String category, Redaction redaction, Function<Object, Object> reader) {
    this.name = name;
    this.category = category;
    this.redaction = redaction;
    this.reader = reader;
  }

  String name() {
    return name;
  }

  String category() {
    return category;
  }

  Redaction redaction() {
    return redaction;
  }

  /** The member's value in {@code instance}; throws when it cannot be read. */
  Object read(Object instance) {
    return reader.apply(instance);
  }
}

package dev.piiwarden.core.report.diff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a change is about. */
public enum ChangeKind {
  /** A data element. */
  ELEMENT,
  /** An activity (its purposes are {@link #PURPOSE} changes). */
  ACTIVITY,
  /** A flow from a data element to a sink. */
  FLOW,
  /** A purpose of a data element or an activity. */
  PURPOSE;

  /** The lower-case plural used in text and JSON, e.g. {@code elements}. */
  public String plural() {
    return this == ACTIVITY ? "activities" : name().toLowerCase(Locale.ROOT) + "s";
  }

  /**
   * A comma-separated list such as {@code elements,flows} (plural or singular names, any case);
   * {@code any} is every kind; blank is none.
   *
   * @throws IllegalArgumentException whose message is the word that names no kind
   */
  public static Set<ChangeKind> parseList(String value) {
    Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
    if (value == null || value.isBlank()) {
      return kinds;
    }
    for (String word : value.split(",")) {
      String kind = word.strip().toLowerCase(Locale.ROOT);
      if (kind.equals("any")) {
        kinds.addAll(EnumSet.allOf(ChangeKind.class));
        continue;
      }
      ChangeKind match = null;
      for (ChangeKind candidate : values()) {
        if (candidate.plural().equals(kind) || candidate.name().equalsIgnoreCase(kind)) {
          match = candidate;
        }
      }
      if (match == null) {
        throw new IllegalArgumentException(word.strip());
      }
      kinds.add(match);
    }
    return kinds;
  }
}

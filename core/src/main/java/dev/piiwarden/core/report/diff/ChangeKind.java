package dev.piiwarden.core.report.diff;

import java.util.Locale;

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
}

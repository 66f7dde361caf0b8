package dev.piiwarden.core.report.diff;

import java.util.List;

/**
 * One difference between two inventories.
 *
 * @param kind what it is about
 * @param type added, removed or changed
 * @param id the element or activity id; for a flow {@code element -> SINK target}; for a purpose the
 *     element or activity id that gained or lost it
 * @param details for a changed thing, {@code field: old -> new} lines; for a purpose, the purpose key
 */
public record Change(ChangeKind kind, Type type, String id, List<String> details) {
  /** Copies the details. */
  public Change {
    details = List.copyOf(details);
  }

  /** The three kinds of difference. */
  public enum Type {
    /** In NEW only. */
    ADDED,
    /** In BASE only. */
    REMOVED,
    /** In both, different. */
    CHANGED
  }
}

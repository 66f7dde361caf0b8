package dev.piiwarden.core.audit;

/** What {@link AuditTrail#record} does when the queue is full ({@code piiwarden.audit.overflow}). */
public enum OverflowPolicy {
  /** Wait for room: nothing is lost, callers slow down to the sink's pace. The default. */
  BLOCK,
  /** Drop the event and count it; the count is written as one {@code audit.dropped} event. */
  DROP
}

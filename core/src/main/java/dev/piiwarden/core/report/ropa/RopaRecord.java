package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * The records of processing activities of a controller (GDPR Art. 30(1)), built from an inventory by
 * {@link RopaBuilder} and rendered by {@link RopaFormat}.
 *
 * @param controller the controller, or null when not configured
 * @param dpo the data protection officer, or null
 * @param representative the representative, or null
 * @param activities one entry per processing activity, sorted by name then id
 */
public record RopaRecord(Party controller, Party dpo, Party representative, List<RopaActivity> activities) {
  /** Copies the list. */
  public RopaRecord {
    activities = List.copyOf(activities);
  }
}

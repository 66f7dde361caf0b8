package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * The records of processing activities of a controller (GDPR Art. 30(1)), built from an inventory by
 * {@link RopaBuilder} and rendered by {@link RopaFormat}.
 *
 * @param controller the controller, or null when not configured
 * @param dpo the data protection officer, or null
 * @param representative the representative, or null
 * @param activities one entry per processing activity: those with personal data (or consent) first,
 *     then those without, each sorted by title then id
 */
public record RopaRecord(Party controller, Party dpo, Party representative, List<RopaActivity> activities) {
  /** Copies the list. */
  public RopaRecord {
    activities = List.copyOf(activities);
  }

  /**
   * The sentence under an overview saying how many activities read no personal data and that they
   * are listed last; null when every activity does.
   */
  static String withoutPersonalData(RopaRecord record) {
    long count = record.activities().stream().filter(a -> !a.personalData()).count();
    if (count == 0) {
      return null;
    }
    return count == 1 ? "1 activity reads no personal data; it is listed last."
        : count + " activities read no personal data; they are listed last.";
  }
}

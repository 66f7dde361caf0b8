package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.inventory.UnanalysedTypes;
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
 * @param withoutBodyAnalysis the classes of the inventory whose method bodies were not analysed,
 *     whose recipients and sink calls the record therefore lacks
 */
public record RopaRecord(Party controller, Party dpo, Party representative, List<RopaActivity> activities,
    List<String> withoutBodyAnalysis) {
  /** Copies the lists. */
  public RopaRecord {
    activities = List.copyOf(activities);
    withoutBodyAnalysis = List.copyOf(withoutBodyAnalysis);
  }

  /**
   * The sentence near the top saying that the record is incomplete because classes were compiled
   * without the method-body analysis, naming them; null when none was.
   */
  static String incomplete(RopaRecord record) {
    String unanalysed = UnanalysedTypes.sentence(record.withoutBodyAnalysis());
    return unanalysed == null ? null : "Incomplete: " + unanalysed + ".";
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

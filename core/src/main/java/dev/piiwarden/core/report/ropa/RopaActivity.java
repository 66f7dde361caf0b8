package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * One row of the record of processing activities (GDPR Art. 30(1)(b) to (g)).
 *
 * @param id the activity id in the inventory
 * @param name the declared name, or a readable fallback from the type and method
 * @param purposes the purposes of the processing
 * @param lawfulBases the Art. 6(1) bases, e.g. "CONTRACT (Art. 6(1)(b))", or "not declared"
 * @param subjects the categories of data subjects
 * @param categories the categories of personal data
 * @param recipients where the data goes: sinks the code reaches, and third parties from the
 *     configuration
 * @param transfers transfers to third countries with their safeguards
 * @param retention the time limits for erasure, per category
 * @param measures the technical and organisational measures
 */
public record RopaActivity(
    String id,
    String name,
    List<KeyName> purposes,
    List<String> lawfulBases,
    List<KeyName> subjects,
    List<CategoryEntry> categories,
    List<String> recipients,
    List<String> transfers,
    List<String> retention,
    List<String> measures) {

  /** Copies the lists. */
  public RopaActivity {
    purposes = List.copyOf(purposes);
    lawfulBases = List.copyOf(lawfulBases);
    subjects = List.copyOf(subjects);
    categories = List.copyOf(categories);
    recipients = List.copyOf(recipients);
    transfers = List.copyOf(transfers);
    retention = List.copyOf(retention);
    measures = List.copyOf(measures);
  }
}

package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * One row of the record of processing activities (GDPR Art. 30(1)(b) to (g)).
 *
 * @param id the activity id in the inventory
 * @param name the declared name, or a readable fallback from the type and method
 * @param title the name, told apart from the other activities of the same name by the method
 *     ({@code Customer management (CustomerService.register)}); the name itself when no other
 *     activity has it
 * @param purposes the purposes the activity declares ({@code @ProcessingActivity},
 *     {@code @ConsentRequired}); empty when it declares none
 * @param lawfulBases the Art. 6(1) bases, e.g. "CONTRACT (Art. 6(1)(b))": of the data it reads, plus
 *     CONSENT when it requires consent; "not declared" when it declares no purposes or its data no basis
 * @param dataPurposes only for an activity that declares no purposes: the purposes the data it reads
 *     was collected for; else empty
 * @param dataBases only for an activity that declares no purposes: the bases the data it reads was
 *     collected under; else empty
 * @param subjects the categories of data subjects
 * @param categories the categories of personal data
 * @param recipients where the data goes: sinks the code reaches ({@code DATABASE:
 *     java.sql.PreparedStatement#setString}, with {@code (via …)} for a call in another method), and
 *     third parties from the configuration
 * @param recipientCategories the categories of recipients (Art. 30(1)(d)): one per kind of sink
 *     reached ({@code Databases}), then the configured third parties as in {@code recipients}
 * @param sinks the sink calls of {@code recipients} alone, the code detail behind the categories
 * @param transfers transfers to third countries with their safeguards; "not declared" alone when the
 *     configuration says nothing about transfers, empty when it declares none for this activity
 * @param retention the time limits for erasure, per category
 * @param measures the technical and organisational measures
 * @param personalData whether it reads personal data or requires consent; activities without are
 *     listed last
 */
public record RopaActivity(
    String id,
    String name,
    String title,
    List<KeyName> purposes,
    List<String> lawfulBases,
    List<KeyName> dataPurposes,
    List<String> dataBases,
    List<KeyName> subjects,
    List<CategoryEntry> categories,
    List<String> recipients,
    List<String> recipientCategories,
    List<String> sinks,
    List<String> transfers,
    List<String> retention,
    List<String> measures,
    boolean personalData) {

  /** Copies the lists. */
  public RopaActivity {
    purposes = List.copyOf(purposes);
    lawfulBases = List.copyOf(lawfulBases);
    dataPurposes = List.copyOf(dataPurposes);
    dataBases = List.copyOf(dataBases);
    subjects = List.copyOf(subjects);
    categories = List.copyOf(categories);
    recipients = List.copyOf(recipients);
    recipientCategories = List.copyOf(recipientCategories);
    sinks = List.copyOf(sinks);
    transfers = List.copyOf(transfers);
    retention = List.copyOf(retention);
    measures = List.copyOf(measures);
  }

  /**
   * The purposes in one line of an overview: the declared keys, else {@code not declared; the data was
   * collected for …}.
   */
  public String purposesInBrief() {
    if (!purposes.isEmpty()) {
      return String.join(", ", purposes.stream().map(KeyName::key).toList());
    }
    return RopaBuilder.NOT_DECLARED + (dataPurposes.isEmpty() ? ""
        : "; the data was collected for " + String.join(", ", dataPurposes.stream().map(KeyName::key).toList()));
  }

  /** The lawful bases in one line of an overview, with {@code ; the data was collected under …} where so labelled. */
  public String lawfulBasesInBrief() {
    return String.join(", ", lawfulBases)
        + (dataBases.isEmpty() ? "" : "; the data was collected under " + String.join(", ", dataBases));
  }
}

package dev.piiwarden.core.report.ropa;

import java.util.List;
import java.util.function.Function;

/** The fields of a row in the order the human-readable formats print them, with their labels. */
public enum RopaField {
  PURPOSES("Purposes of the processing", a -> a.purposes().stream().map(KeyName::describe).toList(),
      RopaBuilder.NOT_DECLARED),
  LAWFUL_BASIS("Lawful basis (Art. 6)", RopaActivity::lawfulBases),
  /** Shown only for an activity that declares no purposes. */
  DATA_PURPOSES("Purposes the data read was collected for (not declared by this activity)",
      a -> a.dataPurposes().stream().map(KeyName::describe).toList()),
  /** Shown only for an activity that declares no purposes. */
  DATA_BASES("Lawful bases the data read was collected under (not declared by this activity)", RopaActivity::dataBases),
  SUBJECTS("Categories of data subjects", a -> a.subjects().stream().map(KeyName::describe).toList()),
  CATEGORIES("Categories of personal data", a -> a.categories().stream().map(CategoryEntry::describe).toList()),
  RECIPIENTS("Recipients", RopaActivity::recipientCategories),
  /** The sink calls behind the recipient categories; shown only for an activity that makes any. */
  SINKS("Sink calls in the code", RopaActivity::sinks),
  TRANSFERS("Transfers to third countries", RopaActivity::transfers),
  RETENTION("Envisaged time limits for erasure (as declared in the code)", RopaActivity::retention),
  MEASURES("Technical and organisational measures", RopaActivity::measures);

  /** Printed for a field with nothing in it. */
  public static final String NONE = "none";

  private final String label;
  private final Function<RopaActivity, List<String>> values;
  private final String empty;

  RopaField(String label, Function<RopaActivity, List<String>> values) {
    this(label, values, NONE);
  }

  RopaField(String label, Function<RopaActivity, List<String>> values, String empty) {
    this.label = label;
    this.values = values;
    this.empty = empty;
  }

  /**
   * Whether the entry of an activity shows the field: the collection purposes and bases, and the sink
   * calls, only when it has them.
   */
  public boolean shownFor(RopaActivity activity) {
    return (this != DATA_PURPOSES && this != DATA_BASES && this != SINKS) || !values.apply(activity).isEmpty();
  }

  /** The label, e.g. "Recipients". */
  public String label() {
    return label;
  }

  /** The field's lines for an activity; {@link #NONE} (for purposes "not declared") alone when empty. */
  public List<String> values(RopaActivity activity) {
    List<String> lines = values.apply(activity);
    return lines.isEmpty() ? List.of(empty) : lines;
  }
}

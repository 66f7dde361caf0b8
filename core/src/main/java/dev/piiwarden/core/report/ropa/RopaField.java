package dev.piiwarden.core.report.ropa;

import java.util.List;
import java.util.function.Function;

/** The fields of a row in the order the human-readable formats print them, with their labels. */
public enum RopaField {
  PURPOSES("Purposes of the processing", a -> a.purposes().stream().map(KeyName::describe).toList()),
  LAWFUL_BASIS("Lawful basis (Art. 6)", RopaActivity::lawfulBases),
  SUBJECTS("Categories of data subjects", a -> a.subjects().stream().map(KeyName::describe).toList()),
  CATEGORIES("Categories of personal data", a -> a.categories().stream().map(CategoryEntry::describe).toList()),
  RECIPIENTS("Recipients", RopaActivity::recipients),
  TRANSFERS("Transfers to third countries", RopaActivity::transfers),
  RETENTION("Time limits for erasure", RopaActivity::retention),
  MEASURES("Technical and organisational measures", RopaActivity::measures);

  /** Printed for a field with nothing in it. */
  public static final String NONE = "none";

  private final String label;
  private final Function<RopaActivity, List<String>> values;

  RopaField(String label, Function<RopaActivity, List<String>> values) {
    this.label = label;
    this.values = values;
  }

  /** The label, e.g. "Recipients". */
  public String label() {
    return label;
  }

  /** The field's lines for an activity; {@link #NONE} alone when empty. */
  public List<String> values(RopaActivity activity) {
    List<String> lines = values.apply(activity);
    return lines.isEmpty() ? List.of(NONE) : lines;
  }
}

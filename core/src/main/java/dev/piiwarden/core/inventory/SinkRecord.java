package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A sink call an activity makes with personal data.
 *
 * @param kind the sink kind
 * @param target the receiver type and method, e.g. {@code org.slf4j.Logger#info}
 * @param line the line of the call
 * @param elements the data elements passed, sorted
 * @param confidence how directly they were seen to reach it
 */
@JsonPropertyOrder({"kind", "target", "line", "elements", "confidence"})
public record SinkRecord(
    SinkKind kind, String target, int line, List<String> elements, Confidence confidence) {

  static final Comparator<SinkRecord> ORDER =
      Comparator.comparingInt(SinkRecord::line)
          .thenComparing(SinkRecord::kind)
          .thenComparing(SinkRecord::target)
          .thenComparing(SinkRecord::confidence)
          .thenComparing((a, b) -> Sorting.compareLists(a.elements(), b.elements(), Comparator.naturalOrder()));

  /** Checks required parts and normalises the elements. */
  public SinkRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    elements = Sorting.keys(elements);
    confidence = confidence == null ? Confidence.DIRECT : confidence;
  }
}

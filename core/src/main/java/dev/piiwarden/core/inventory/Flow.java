package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A path by which a data element reaches a sink, computed when fragments are merged.
 *
 * @param element the data element id
 * @param sink the sink kind
 * @param target the sink's receiver type and method
 * @param path the activities from the one that reads the element to the one that calls the sink
 */
@JsonPropertyOrder({"element", "sink", "target", "path"})
public record Flow(String element, SinkKind sink, String target, List<String> path) {

  static final Comparator<Flow> ORDER =
      Comparator.comparing(Flow::element)
          .thenComparing(Flow::sink)
          .thenComparing(Flow::target)
          .thenComparing((a, b) -> Sorting.compareLists(a.path(), b.path(), Comparator.naturalOrder()));

  /** Checks required parts; the path keeps its order. */
  public Flow {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(sink, "sink");
    path = Sorting.ordered(path);
  }
}

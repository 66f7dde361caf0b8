package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A method's parameter that reaches a sink inside that method.
 *
 * @param parameter the 0-based parameter position
 * @param kind the sink kind
 * @param target the sink's receiver type and method, e.g. {@code org.slf4j.Logger#info}
 * @param line the line of the sink call
 * @param confidence how directly the parameter was seen to reach it
 * @param exceptMembersOf types (binary names) whose data elements, handed in as this parameter, do
 *     not reach the sink: the method gives the sink only members of the parameter's object that
 *     are no personal data ({@code log.info(user.getId())}). Empty when the whole value may reach it.
 */
@JsonPropertyOrder({"parameter", "kind", "target", "line", "confidence", "exceptMembersOf"})
public record ParameterSink(
    int parameter,
    SinkKind kind,
    String target,
    int line,
    Confidence confidence,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> exceptMembersOf) {

  static final Comparator<ParameterSink> ORDER =
      Comparator.comparingInt(ParameterSink::parameter)
          .thenComparingInt(ParameterSink::line)
          .thenComparing(ParameterSink::kind)
          .thenComparing(ParameterSink::target);

  /** Checks required parts. */
  public ParameterSink {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    confidence = confidence == null ? Confidence.DIRECT : confidence;
    exceptMembersOf = Sorting.keys(exceptMembersOf);
  }

  /** A sink the whole parameter may reach. */
  public ParameterSink(int parameter, SinkKind kind, String target, int line, Confidence confidence) {
    this(parameter, kind, target, line, confidence, List.of());
  }

  /** Whether {@code element}, handed in as this parameter, reaches the sink. */
  public boolean reaches(String element) {
    return !exceptMembersOf.contains(DataElement.ownerOf(element));
  }
}

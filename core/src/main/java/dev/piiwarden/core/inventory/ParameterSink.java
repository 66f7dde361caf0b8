package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * A method's parameter that reaches a sink inside that method.
 *
 * @param parameter the 0-based parameter position
 * @param kind the sink kind
 * @param target the sink's receiver type and method, e.g. {@code org.slf4j.Logger#info}
 * @param line the line of the sink call
 * @param confidence how directly the parameter was seen to reach it
 */
@JsonPropertyOrder({"parameter", "kind", "target", "line", "confidence"})
public record ParameterSink(int parameter, SinkKind kind, String target, int line, Confidence confidence) {

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
  }
}

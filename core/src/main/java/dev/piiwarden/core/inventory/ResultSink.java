package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * The result of a project call that reaches a sink inside the calling method:
 * {@code String line = format(user); log.info(line)}.
 *
 * @param result the call whose result reaches the sink
 * @param kind the sink kind
 * @param target the sink's receiver type and method, e.g. {@code org.slf4j.Logger#info}
 * @param line the line of the sink call
 * @param confidence how directly the result was seen to reach it
 */
@JsonPropertyOrder({"result", "kind", "target", "line", "confidence"})
public record ResultSink(CallResult result, SinkKind kind, String target, int line, Confidence confidence) {

  static final Comparator<ResultSink> ORDER =
      Comparator.comparingInt(ResultSink::line)
          .thenComparing(ResultSink::result, CallResult.ORDER)
          .thenComparing(ResultSink::kind)
          .thenComparing(ResultSink::target);

  /** Checks required parts. */
  public ResultSink {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    confidence = confidence == null ? Confidence.VIA_CALL : confidence;
  }
}

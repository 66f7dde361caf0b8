package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * The value returned by one call of a project method, named by the callee and the line of the call.
 * What it carries is known only when the callee's summary is merged in: the callee's {@link
 * ReturnValue}, with its returned parameters replaced by what the caller passed at that line.
 *
 * @param callee the called method's id, {@code <type>#<name>(<param types>)}
 * @param line the line of the call
 */
@JsonPropertyOrder({"callee", "line"})
public record CallResult(String callee, int line) {

  static final Comparator<CallResult> ORDER =
      Comparator.comparing(CallResult::callee).thenComparingInt(CallResult::line);

  /** Checks the callee. */
  public CallResult {
    Objects.requireNonNull(callee, "callee");
  }
}

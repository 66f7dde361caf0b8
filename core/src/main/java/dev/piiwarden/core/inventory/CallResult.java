package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The value returned by one call of a project method, named by the callee and the line of the call.
 * What it carries is known only when the callee's summary is merged in: the callee's {@link
 * ReturnValue}, with its returned parameters replaced by what the caller passed at that line, from
 * the callee and the overrides the call may run, as for a pass ({@link ArgumentPass#mayRun}).
 *
 * @param callee the called method's id, {@code <type>#<name>(<param types>)}
 * @param line the line of the call
 * @param exact the call runs the callee itself ({@code super.describe(user)}); as {@link
 *     ArgumentPass#exact}, written only when true
 * @param receivers the receiver's type and its supertypes below the callee's class, for a call on
 *     one of the project's subtypes of that class; as {@link ArgumentPass#receivers}, written only
 *     when not empty
 * @param receiverArguments the receiver's type arguments ({@code describer.describe(order)} on a
 *     {@code Describer<Order>}); as {@link ArgumentPass#receiverArguments}, written only when not
 *     empty
 */
@JsonPropertyOrder({"callee", "line", "exact", "receivers", "receiverArguments"})
public record CallResult(
    String callee,
    int line,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean exact,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> receivers,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> receiverArguments) {

  static final Comparator<CallResult> ORDER =
      Comparator.comparing(CallResult::callee).thenComparingInt(CallResult::line);

  /** Checks the callee and normalises lists. */
  public CallResult {
    Objects.requireNonNull(callee, "callee");
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    receiverArguments = receiverArguments == null ? List.of() : List.copyOf(receiverArguments);
  }

  /** The result of a call that may run the callee or any override of it, or of a read of a field. */
  public CallResult(String callee, int line) {
    this(callee, line, false, List.of(), List.of());
  }

  /** Whether the call may run {@code target}, the callee or an override of it ({@link ArgumentPass#mayRun}). */
  public boolean mayRun(MethodSummary target) {
    return Dispatch.mayRun(callee, exact, receivers, receiverArguments, target);
  }
}

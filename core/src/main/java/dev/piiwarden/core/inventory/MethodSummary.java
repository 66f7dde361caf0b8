package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one method does with personal data and with its parameters, as far as flows are concerned:
 * what it hands to other methods, which of its parameters and of its calls' results reach sinks,
 * and what it returns. Fragments carry a summary
 * for every method that does either, so that merging fragments of several classes and modules can
 * compute whole paths from a data element to a sink ({@link FlowComputation}).
 *
 * @param method the method's id, {@code <type>#<name>(<param types>)}
 * @param overrides ids of the methods it overrides or implements, so a call through an interface
 *     reaches this implementation
 * @param passes the calls that hand personal data or parameters on
 * @param sinks the parameters that reach sinks in this method
 * @param returns what its return value carries, or null when nothing
 * @param resultSinks results of project calls that reach sinks in this method
 * @param supertypes for a method that overrides others, the supertypes of its class, binary names,
 *     sorted: a call through one of them may run it ({@link ArgumentPass#mayRun}); empty, and not
 *     written, for any other
 * @param supertypeArguments for a method that overrides others, the supertypes of its class that it
 *     gives type arguments, binary names, each with those arguments as its class gives them
 *     ({@code PlainAttr}: {@code [User]} for {@code UserAttr implements PlainAttr<User>}),
 *     {@link ArgumentPass#ANY_TYPE} for a type variable or wildcard; a call on a {@code
 *     PlainAttr<Group>} does not run it ({@link ArgumentPass#mayRun}). Empty, and not written, for
 *     any other
 */
@JsonPropertyOrder({"method", "overrides", "passes", "sinks", "returns", "resultSinks", "supertypes",
    "supertypeArguments"})
public record MethodSummary(
    String method,
    List<String> overrides,
    List<ArgumentPass> passes,
    List<ParameterSink> sinks,
    ReturnValue returns,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResultSink> resultSinks,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> supertypes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> supertypeArguments) {

  static final Comparator<MethodSummary> ORDER = Comparator.comparing(MethodSummary::method);

  /** Checks the id and normalises lists. */
  public MethodSummary {
    Objects.requireNonNull(method, "method");
    overrides = Sorting.keys(overrides);
    passes = Sorting.sorted(passes, ArgumentPass.ORDER);
    sinks = Sorting.sorted(sinks, ParameterSink.ORDER);
    returns = returns == null || returns.isEmpty() ? null : returns;
    resultSinks = Sorting.sorted(resultSinks, ResultSink.ORDER);
    supertypes = Sorting.keys(supertypes);
    supertypeArguments = supertypeArguments == null ? Map.of() : Map.copyOf(supertypeArguments);
  }

  /** A summary whose class's supertypes are named without their type arguments. */
  public MethodSummary(String method, List<String> overrides, List<ArgumentPass> passes, List<ParameterSink> sinks,
      ReturnValue returns, List<ResultSink> resultSinks, List<String> supertypes) {
    this(method, overrides, passes, sinks, returns, resultSinks, supertypes, Map.of());
  }

  /** A summary with no supertypes recorded: any call of a method it overrides may run it. */
  public MethodSummary(String method, List<String> overrides, List<ArgumentPass> passes, List<ParameterSink> sinks,
      ReturnValue returns, List<ResultSink> resultSinks) {
    this(method, overrides, passes, sinks, returns, resultSinks, List.of());
  }

  /** A summary whose return value carries nothing and no call result reaches a sink. */
  public MethodSummary(
      String method, List<String> overrides, List<ArgumentPass> passes, List<ParameterSink> sinks) {
    this(method, overrides, passes, sinks, null, List.of());
  }
}

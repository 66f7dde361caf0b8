package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What a method's return value carries, so that a caller's use of the value can be followed when
 * summaries are merged.
 *
 * @param elements data elements the method reads and returns, sorted
 * @param parameters the method's own parameters (0-based) it returns, or values derived from them
 * @param results project calls made in the method whose results it returns
 * @param exceptMembersOf per parameter in {@code parameters} that it returns only in part, the types
 *     whose data elements, handed in as that parameter, it does not return
 *     ({@code return user.getId();}); see {@link ArgumentPass#exceptMembersOf}
 */
@JsonPropertyOrder({"elements", "parameters", "results", "exceptMembersOf"})
public record ReturnValue(
    List<String> elements,
    List<Integer> parameters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CallResult> results,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, List<String>> exceptMembersOf) {

  /** Normalises lists. */
  public ReturnValue {
    elements = Sorting.keys(elements);
    parameters = parameters == null ? List.of() : parameters.stream().distinct().sorted().toList();
    results = Sorting.sorted(results, CallResult.ORDER);
    exceptMembersOf = Sorting.partial(parameters, exceptMembersOf);
  }

  /** A return value that carries its parameters whole. */
  public ReturnValue(List<String> elements, List<Integer> parameters, List<CallResult> results) {
    this(elements, parameters, results, Map.of());
  }

  /** Whether it carries nothing. */
  @JsonIgnore
  public boolean isEmpty() {
    return elements.isEmpty() && parameters.isEmpty() && results.isEmpty();
  }
}

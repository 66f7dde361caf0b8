package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a method's return value carries, so that a caller's use of the value can be followed when
 * summaries are merged.
 *
 * @param elements data elements the method reads and returns, sorted
 * @param parameters the method's own parameters (0-based) it returns, or values derived from them
 * @param results project calls made in the method whose results it returns
 */
@JsonPropertyOrder({"elements", "parameters", "results"})
public record ReturnValue(
    List<String> elements,
    List<Integer> parameters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CallResult> results) {

  /** Normalises lists. */
  public ReturnValue {
    elements = Sorting.keys(elements);
    parameters = parameters == null ? List.of() : parameters.stream().distinct().sorted().toList();
    results = Sorting.sorted(results, CallResult.ORDER);
  }

  /** Whether it carries nothing. */
  @JsonIgnore
  public boolean isEmpty() {
    return elements.isEmpty() && parameters.isEmpty() && results.isEmpty();
  }
}

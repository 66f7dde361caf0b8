package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * A data-flow inventory ({@code piiwarden-inventory/1}): the personal data a codebase holds, the
 * activities that process it and the flows by which it reaches sinks. Lists are kept sorted, so the
 * JSON form is deterministic and two inventories diff meaningfully. The processor writes one per
 * top-level class (a fragment); merging fragments gives the inventory of a module or application.
 *
 * @param schema always {@link #SCHEMA}
 * @param dataElements the declared personal data, sorted by id
 * @param activities the methods that process it, sorted by id
 * @param flows paths from data elements to sinks, sorted
 * @param summaries what methods hand on to other methods and to sinks, from which merging computes
 *     {@code flows} across classes and modules; sorted, and left out of the JSON when empty
 * @param withoutBodyAnalysis the top-level types whose method bodies were not analysed (compiled
 *     by a compiler other than javac, with {@code piiwarden.flow=false}, or with {@code
 *     -proc:only}): their declarations are here, their reads, calls, sinks and flows are not;
 *     sorted, and left out of the JSON when empty
 */
@JsonPropertyOrder({"schema", "dataElements", "activities", "flows", "summaries", "withoutBodyAnalysis"})
public record Inventory(
    String schema,
    List<DataElement> dataElements,
    List<Activity> activities,
    List<Flow> flows,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MethodSummary> summaries,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> withoutBodyAnalysis) {

  /** The schema id this version reads and writes. */
  public static final String SCHEMA = "piiwarden-inventory/1";

  /** Normalises: missing lists become empty, lists are sorted. */
  public Inventory {
    schema = schema == null ? SCHEMA : schema;
    dataElements = Sorting.sorted(dataElements, Comparator.comparing(DataElement::id));
    activities = Sorting.sorted(activities, Comparator.comparing(Activity::id));
    flows = Sorting.sorted(flows, Flow.ORDER);
    summaries = Sorting.sorted(summaries, MethodSummary.ORDER);
    withoutBodyAnalysis = Sorting.keys(withoutBodyAnalysis);
  }

  /** An inventory whose every type's bodies were analysed. */
  public Inventory(String schema, List<DataElement> dataElements, List<Activity> activities, List<Flow> flows,
      List<MethodSummary> summaries) {
    this(schema, dataElements, activities, flows, summaries, List.of());
  }

  /** An inventory of these parts under the current schema. */
  public Inventory(List<DataElement> dataElements, List<Activity> activities, List<Flow> flows) {
    this(SCHEMA, dataElements, activities, flows, List.of());
  }

  /** An inventory with nothing in it. */
  public static Inventory empty() {
    return new Inventory(List.of(), List.of(), List.of());
  }
}

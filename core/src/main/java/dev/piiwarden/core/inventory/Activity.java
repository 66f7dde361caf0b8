package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A method that processes personal data: it reads some, or carries {@code @ConsentRequired} or
 * {@code @ProcessingActivity}.
 *
 * @param id {@code <type>#<method>(<erased parameter types>)}
 * @param type the binary name of the declaring type
 * @param method the method and its erased parameter types, e.g. {@code send(com.acme.User)}
 * @param name the processing activity's name, or null when none is declared
 * @param purposes the purposes it acts for, sorted
 * @param consent the consent it requires, or null
 * @param subjectFrom where the data subject comes from: {@code PARAMETER n} or {@code PARAMETER n
 *     FIELD x} when a parameter gives it, else {@code CONTEXT} when it requires consent; null when
 *     it requires none and no parameter gives the subject
 * @param reads the data elements it reads, sorted
 * @param calls the methods it calls, sorted
 * @param sinks the sink calls it makes with personal data
 * @param source where the method is declared (its first annotation, else its first modifier or
 *     its return type); null in inventories written before it was recorded
 * @param writes the data elements it writes values into (a record it builds, a setter or field of
 *     an object it did not make from them), sorted: data it collects, and so processes, without
 *     reading it; empty in inventories written before it was recorded
 */
@JsonPropertyOrder({"id", "type", "method", "name", "purposes", "consent", "subjectFrom", "reads",
    "calls", "sinks", "source", "writes"})
public record Activity(
    String id,
    String type,
    String method,
    String name,
    List<String> purposes,
    ConsentRequirement consent,
    String subjectFrom,
    List<String> reads,
    List<String> calls,
    List<SinkRecord> sinks,
    SourceLocation source,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> writes) {

  /** Checks the id and normalises lists. */
  public Activity {
    Objects.requireNonNull(id, "id");
    purposes = Sorting.keys(purposes);
    reads = Sorting.keys(reads);
    writes = Sorting.keys(writes);
    calls = Sorting.keys(calls);
    sinks = Sorting.sorted(sinks, SinkRecord.ORDER);
  }

  /** An activity whose declaration is not located. */
  public Activity(String id, String type, String method, String name, List<String> purposes,
      ConsentRequirement consent, String subjectFrom, List<String> reads, List<String> calls,
      List<SinkRecord> sinks) {
    this(id, type, method, name, purposes, consent, subjectFrom, reads, calls, sinks, null, List.of());
  }

  /** An activity that writes no data element. */
  public Activity(String id, String type, String method, String name, List<String> purposes,
      ConsentRequirement consent, String subjectFrom, List<String> reads, List<String> calls,
      List<SinkRecord> sinks, SourceLocation source) {
    this(id, type, method, name, purposes, consent, subjectFrom, reads, calls, sinks, source, List.of());
  }

  /** This activity declared at {@code location}. */
  public Activity withSource(SourceLocation location) {
    return new Activity(id, type, method, name, purposes, consent, subjectFrom, reads, calls, sinks, location, writes);
  }

  /** The line where the method is declared, or 0 when unknown. */
  public int declarationLine() {
    return source == null ? 0 : source.line();
  }
}

package dev.piiwarden.processor.flow;

import com.sun.source.tree.Tree;
import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.CarriedParameters;
import dev.piiwarden.core.inventory.ParameterSink;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.core.inventory.SinkRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;

/**
 * What the body of one method (its lambdas and local classes included) does with personal data.
 */
public final class MethodFacts {
  /** A read of a data element, where it is written. */
  public record Read(DataRef data, Tree tree, int line) {}

  /**
   * A sink call with personal data, where it is written; {@code rendered} are the elements that
   * reach it only inside annotated objects (or containers of them) handed to it whole, which the
   * agent's log redaction renders by their annotations.
   */
  public record SinkCall(SinkRecord record, Tree tree, Set<String> rendered) {
    public SinkCall(SinkRecord record, Tree tree) {
      this(record, tree, Set.of());
    }
  }

  /** A project call's result reaching a sink, where the sink call is written. */
  record ResultSinkCall(ResultSink sink, Tree tree) {}

  private final ExecutableElement method;
  private final String id;
  private final Map<String, Read> firstReads = new LinkedHashMap<>();
  private final Set<String> writes = new TreeSet<>();
  private final Set<String> calls = new TreeSet<>();
  private final List<SinkCall> sinks = new ArrayList<>();
  private final Set<SinkRecord> sinkRecords = new LinkedHashSet<>();
  private final Set<ArgumentPass> passes = new LinkedHashSet<>();
  private final Set<ParameterSink> parameterSinks = new LinkedHashSet<>();
  private final Set<ResultSink> resultSinks = new LinkedHashSet<>();
  private final List<ResultSinkCall> resultSinkCalls = new ArrayList<>();
  private List<SinkCall> returnedToSinks = List.of();
  private final Set<String> returnedElements = new TreeSet<>();
  private final CarriedParameters returnedParameters = new CarriedParameters();
  private final Set<CallResult> returnedResults = new LinkedHashSet<>();

  private final boolean accessor;
  /** A plain getter of a field that is no personal data: its callers read the field itself. */
  private final boolean getter;

  MethodFacts(ExecutableElement method, String id, boolean accessor, boolean getter) {
    this.method = method;
    this.id = id;
    this.accessor = accessor;
    this.getter = getter;
  }

  /**
   * Whether the method is itself the accessor of a data element (an annotated accessor, a record
   * accessor, a plain getter of an annotated field): reading its own field is no processing.
   */
  public boolean accessor() {
    return accessor;
  }

  void read(DataRef data, Tree tree, int line) {
    firstReads.putIfAbsent(data.id(), new Read(data, tree, line));
  }

  void call(String callee) {
    calls.add(callee);
  }

  void sink(SinkRecord record, Tree tree, Set<String> rendered) {
    if (sinkRecords.add(record)) {
      sinks.add(new SinkCall(record, tree, rendered));
    }
  }

  void pass(ArgumentPass pass) {
    passes.add(pass);
  }

  void parameterSink(ParameterSink sink) {
    parameterSinks.add(sink);
  }

  void resultSink(ResultSink sink, Tree tree) {
    if (resultSinks.add(sink)) {
      resultSinkCalls.add(new ResultSinkCall(sink, tree));
    }
  }

  List<ResultSinkCall> resultSinkCalls() {
    return List.copyOf(resultSinkCalls);
  }

  void returnedToSinks(List<SinkCall> calls) {
    returnedToSinks = List.copyOf(calls);
  }

  /**
   * Sinks that call results carry personal data to, known from the callees' returns when they were
   * analysed first; for diagnostics only, the fragment keeps them as result sinks.
   */
  public List<SinkCall> returnedToSinks() {
    return returnedToSinks;
  }

  /** A {@code return} of the method itself (not of a lambda in it). */
  void returns(Taint value) {
    returnedElements.addAll(value.elements);
    for (int parameter : value.parameters) {
      returnedParameters.add(parameter, value.exceptMembersOf.getOrDefault(parameter, Set.of()));
    }
    returnedResults.addAll(value.results);
  }

  public ExecutableElement method() {
    return method;
  }

  /** {@code <binary name>#<name>(<param types>)}. */
  public String id() {
    return id;
  }

  /** The first read of each element, in source order. */
  public List<Read> reads() {
    return List.copyOf(firstReads.values());
  }

  public List<String> readIds() {
    return List.copyOf(firstReads.keySet());
  }

  /** A value written into a data element: a record built from it, a setter, a field assignment. */
  void write(DataRef data) {
    writes.add(data.id());
  }

  /** The data elements the method writes values into. */
  public List<String> writeIds() {
    return List.copyOf(writes);
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  public List<SinkCall> sinkCalls() {
    return List.copyOf(sinks);
  }

  public List<SinkRecord> sinkRecords() {
    return List.copyOf(sinkRecords);
  }

  public List<ArgumentPass> passes() {
    return List.copyOf(passes);
  }

  public List<ParameterSink> parameterSinks() {
    return List.copyOf(parameterSinks);
  }

  public List<ResultSink> resultSinks() {
    return List.copyOf(resultSinks);
  }

  /**
   * What the method returns, or null when nothing or when it is a data element's accessor or
   * another plain getter (its callers read the element or field itself).
   */
  public ReturnValue returnValue() {
    return accessor || getter ? null : ownReturnValue();
  }

  /**
   * What a data element's accessor returns (its element), or null: for the callers that reach it
   * through a method it implements ({@code task.getRecipients()} on the interface), which name no
   * element themselves.
   */
  public ReturnValue accessorReturnValue() {
    return accessor ? ownReturnValue() : null;
  }

  private ReturnValue ownReturnValue() {
    ReturnValue value = new ReturnValue(List.copyOf(returnedElements),
        List.copyOf(returnedParameters.positions()), List.copyOf(returnedResults), returnedParameters.exceptLists());
    return value.isEmpty() ? null : value;
  }

  /**
   * Whether the method needs a summary: it hands data, parameters or call results on, a parameter
   * or a call result reaches a sink, or its return value carries something.
   */
  public boolean needsSummary() {
    return !passes.isEmpty() || !parameterSinks.isEmpty() || !resultSinks.isEmpty() || returnValue() != null;
  }
}

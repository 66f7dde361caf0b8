package dev.piiwarden.processor.flow;

import com.sun.source.tree.Tree;
import dev.piiwarden.core.inventory.ArgumentPass;
import dev.piiwarden.core.inventory.ParameterSink;
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

  /** A sink call with personal data, where it is written. */
  public record SinkCall(SinkRecord record, Tree tree) {}

  private final ExecutableElement method;
  private final String id;
  private final Map<String, Read> firstReads = new LinkedHashMap<>();
  private final Set<String> calls = new TreeSet<>();
  private final List<SinkCall> sinks = new ArrayList<>();
  private final Set<SinkRecord> sinkRecords = new LinkedHashSet<>();
  private final Set<ArgumentPass> passes = new LinkedHashSet<>();
  private final Set<ParameterSink> parameterSinks = new LinkedHashSet<>();

  private final boolean accessor;

  MethodFacts(ExecutableElement method, String id, boolean accessor) {
    this.method = method;
    this.id = id;
    this.accessor = accessor;
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

  void sink(SinkRecord record, Tree tree) {
    if (sinkRecords.add(record)) {
      sinks.add(new SinkCall(record, tree));
    }
  }

  void pass(ArgumentPass pass) {
    passes.add(pass);
  }

  void parameterSink(ParameterSink sink) {
    parameterSinks.add(sink);
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

  /** Whether the method needs a summary: it hands data or parameters on, or a parameter reaches a sink. */
  public boolean needsSummary() {
    return !passes.isEmpty() || !parameterSinks.isEmpty();
  }
}

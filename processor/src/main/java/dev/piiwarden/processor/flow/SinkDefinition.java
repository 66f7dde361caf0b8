package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;

/**
 * One entry of the sink catalogue: calls of {@code methods} on {@code type} or a subtype of it
 * (compared on erasure) send their arguments to a sink of {@code kind}.
 *
 * @param kind where the data goes
 * @param type the canonical name of the receiver type (for a static method, its class)
 * @param methods method names; {@code <init>} is a constructor
 * @param receivers when not empty, only calls on these static fields count, e.g. {@code
 *     java.lang.System.out}
 * @param stream the methods return an output stream or writer rather than send their arguments:
 *     what is written to it, directly, through a local or through a wrapper ({@code new
 *     OutputStreamWriter(connection.getOutputStream())}), goes to this sink
 */
public record SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers,
    boolean stream) {
  public SinkDefinition {
    methods = List.copyOf(methods);
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
  }

  /** An entry whose methods send their arguments. */
  public SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers) {
    this(kind, type, methods, receivers, false);
  }
}

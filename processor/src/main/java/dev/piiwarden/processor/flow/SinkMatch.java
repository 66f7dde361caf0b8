package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;

/**
 * A call found to be a sink.
 *
 * @param kind where the data goes
 * @param target the catalogue type's binary name and the method, e.g. {@code org.slf4j.Logger#info}
 * @param valuesOnly objects handed to it stand for their identity ({@link SinkDefinition#valuesOnly()})
 */
public record SinkMatch(SinkKind kind, String target, boolean valuesOnly) {
  /** A sink whose arguments count whole. */
  public SinkMatch(SinkKind kind, String target) {
    this(kind, target, false);
  }
}

package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;

/**
 * A call found to be a sink.
 *
 * @param kind where the data goes
 * @param target the catalogue type's binary name and the method, e.g. {@code org.slf4j.Logger#info}
 * @param valuesOnly objects handed to it stand for their identity ({@link SinkDefinition#valuesOnly()})
 * @param skips the members of an object handed whole that it leaves out ({@link SinkDefinition#skips()})
 */
public record SinkMatch(SinkKind kind, String target, boolean valuesOnly, SkippedMembers skips) {
  /** A sink whose arguments count whole, every member of an object. */
  public SinkMatch(SinkKind kind, String target) {
    this(kind, target, false, SkippedMembers.NONE);
  }

  /** A sink that writes every member of an object handed whole. */
  public SinkMatch(SinkKind kind, String target, boolean valuesOnly) {
    this(kind, target, valuesOnly, SkippedMembers.NONE);
  }
}

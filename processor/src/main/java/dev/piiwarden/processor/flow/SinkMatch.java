package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;

/**
 * A call found to be a sink.
 *
 * @param kind where the data goes
 * @param target the catalogue type's binary name and the method, e.g. {@code org.slf4j.Logger#info}
 */
public record SinkMatch(SinkKind kind, String target) {}

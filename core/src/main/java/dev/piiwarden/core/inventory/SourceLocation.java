package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a declaration is written.
 *
 * @param file the source file relative to its source root, e.g. {@code com/acme/User.java}
 * @param line the 1-based line, or 0 when unknown
 */
@JsonPropertyOrder({"file", "line"})
public record SourceLocation(String file, int line) {}

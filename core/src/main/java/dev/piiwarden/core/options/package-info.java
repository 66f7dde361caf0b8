/**
 * Option values that the agent and the CLI both take, parsed once here so that one value means the
 * same thing, and is refused the same way, wherever it is given.
 */
package dev.piiwarden.core.options;

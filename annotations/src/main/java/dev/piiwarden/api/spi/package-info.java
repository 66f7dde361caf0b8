/** Extension points that the agent and piiwarden-core implement. */
package dev.piiwarden.api.spi;

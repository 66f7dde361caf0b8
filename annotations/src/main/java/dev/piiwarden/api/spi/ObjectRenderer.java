package dev.piiwarden.api.spi;

/**
 * Renders an object for logs with its personal data redacted: what {@link
 * dev.piiwarden.api.PersonalDataExport#redact(Object)} returns. piiwarden-core provides one through
 * {@link java.util.ServiceLoader}; the agent's is reached through its bootstrap bridge ({@link
 * AgentObjectRenderer}), so it needs no piiwarden-core on the application's class path.
 *
 * <p>Implementations never throw and never return a raw personal data value: on an internal error
 * they return {@code [REDACTION_FAILED]}.
 */
public interface ObjectRenderer {
  /** The log-safe rendering of {@code object}, which is not null. */
  String render(Object object);
}

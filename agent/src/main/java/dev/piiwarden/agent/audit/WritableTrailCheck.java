package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.core.audit.JsonlSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * At start, a {@code jsonl:} trail whose folder or lock file cannot be made, or whose file cannot
 * be opened for writing, is a configuration error as an unusable key file is: left to the writer,
 * it would hold every event, and under {@code overflow=block} the application's calls, until the
 * queue's bound, and only then would anyone notice.
 */
final class WritableTrailCheck {
  private WritableTrailCheck() {}

  /** The configuration error's text for {@code sink}, or null when it is no jsonl trail or can be written. */
  static String problem(String sink) {
    if (!sink.startsWith("jsonl:")) {
      return null;
    }
    // absolute, so that the line says which folder a relative name (the default) was taken in
    Path trail = Path.of(sink.substring("jsonl:".length())).toAbsolutePath();
    try {
      JsonlSink.checkWritable(trail);
      return null;
    } catch (IOException | SecurityException e) {
      return AgentOption.AUDIT_SINK.key() + ": audit trail " + trail + " cannot be written (" + e
          + "); make sure this user can create and write its folder, or give another path"
          + " (jsonl:<path>)";
    }
  }
}

package dev.piiwarden.core.audit;

/**
 * Marks the lines the {@code slf4j:} sink logs as the trail's own, for a log redactor running in
 * the same thread (the agent's hooks) to leave as they are: they hold pseudonyms, categories and
 * purposes, never personal data, and one changed byte would break the chain.
 */
public interface OwnLineMarker {
  /** Marks nothing: without a log redactor there is nothing to tell. */
  OwnLineMarker NONE = new OwnLineMarker() {
    @Override
    public boolean begin(String line) {
      return false;
    }

    @Override
    public void end() {
      // nothing was begun
    }
  };

  /** Called on the logging thread just before {@code line} is logged; true when {@link #end} must follow. */
  boolean begin(String line);

  /** Called once the line has been logged, or has failed to be. */
  void end();
}

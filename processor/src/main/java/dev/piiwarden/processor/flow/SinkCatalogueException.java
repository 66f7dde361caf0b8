package dev.piiwarden.processor.flow;

/** The extra sink file cannot be used; the message names the file, the entry and the problem. */
public final class SinkCatalogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SinkCatalogueException(String message) {
    super(message);
  }
}

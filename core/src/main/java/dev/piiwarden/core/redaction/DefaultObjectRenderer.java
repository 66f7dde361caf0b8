package dev.piiwarden.core.redaction;

import dev.piiwarden.api.spi.ObjectRenderer;

/**
 * The {@link ObjectRenderer} that {@code PersonalDataExport.redact} finds with {@link
 * java.util.ServiceLoader} when piiwarden-core is on the class path: {@link ObjectRedaction} over
 * a redactor with the default settings (all detectors, mask style, a random hash key per JVM).
 * The agent installs its own, made from its options.
 */
public final class DefaultObjectRenderer implements ObjectRenderer {
  private static final class Holder {
    static final ObjectRedaction DEFAULT = new ObjectRedaction(Redactor.withDefaults());
  }

  /** Creates the renderer; the redactor behind it is made on first use and shared. */
  public DefaultObjectRenderer() {}

  @Override
  public String render(Object object) {
    return Holder.DEFAULT.render(object);
  }
}

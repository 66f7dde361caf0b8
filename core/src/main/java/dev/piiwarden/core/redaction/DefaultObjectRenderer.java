package dev.piiwarden.core.redaction;

import dev.piiwarden.api.spi.ObjectRenderer;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link ObjectRenderer} that {@code PersonalDataExport.redact} finds with {@link
 * java.util.ServiceLoader} when piiwarden-core is on the class path: {@link ObjectRedaction} over
 * a redactor with the default settings (all detectors, mask style, a random hash key per JVM).
 * The agent installs its own, made from its options.
 *
 * <p>What it writes as {@code [REDACTION_FAILED]} it says on standard error, once for each thing
 * to change: with the advice of a {@code PersonalDataAccessException} (the package to open, the
 * class to recompile), else with the exception's type only, as its message could quote a value.
 */
public final class DefaultObjectRenderer implements ObjectRenderer {
  private static final class Holder {
    static final ObjectRedaction DEFAULT = new ObjectRedaction(Redactor.create(
        RedactionSettings.builder().onFailure(new FailureReport(System.err)).build()));
  }

  /** Creates the renderer; the redactor behind it is made on first use and shared. */
  public DefaultObjectRenderer() {}

  @Override
  public String render(Object object) {
    return Holder.DEFAULT.render(object);
  }

  /** Each failure's line, said once; after {@value #MOST} different ones, one last line. */
  static final class FailureReport implements Consumer<RedactionFailure> {
    static final int MOST = 32;

    private final PrintStream out;
    private final Set<String> said = new HashSet<>();

    FailureReport(PrintStream out) {
      this.out = out;
    }

    /** Synchronized: failures are rare, and the limit's line must be said once. */
    @Override
    public synchronized void accept(RedactionFailure failure) {
      String cause = failure.advice().isEmpty() ? failure.exceptionType() : failure.advice();
      if (said.size() > MOST || !said.add(cause)) {
        return;
      }
      out.println(said.size() > MOST
          ? "piiwarden: PersonalDataExport.redact failed in more ways than " + MOST
              + "; further ones are not reported"
          : "piiwarden: PersonalDataExport.redact wrote " + Redactor.FAILED + " in place of what it"
              + " could not redact: " + (failure.advice().isEmpty()
                  ? cause + " (its message is not shown, as it could quote the value)"
                  : cause));
    }
  }
}

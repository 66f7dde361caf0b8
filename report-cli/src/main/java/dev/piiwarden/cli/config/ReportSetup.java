package dev.piiwarden.cli.config;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What the report commands share: the taxonomy, and core's configuration errors as exit 2. */
public final class ReportSetup {
  private ReportSetup() {}

  /** The built-in taxonomy extended by {@code --taxonomy}, if given. */
  public static Taxonomy taxonomy(Path extension) {
    try {
      return Taxonomy.load(extension);
    } catch (TaxonomyException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    }
  }

  /** Runs a reader of core's, turning its one-line {@link ConfigException} into exit 2. */
  public static <T> T read(Supplier<T> reader, String option) {
    try {
      return reader.get();
    } catch (ConfigException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, option + " " + e.getMessage());
    }
  }
}

package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.input.DriverLoader;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.consent.LedgerFileContent;
import dev.piiwarden.core.consent.PurposeLineage;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every {@code consent} command shares: the store, the taxonomy its purposes come
 * from, and JDBC drivers the CLI does not carry.
 */
final class LedgerOptions {
  @Option(
      names = "--store",
      paramLabel = "URI",
      required = true,
      description =
          "The consent store: file:<path> or jdbc:<url>, the same as the agent's"
              + " piiwarden.consent.store.")
  String store;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description =
          "A taxonomy extension (the agent's piiwarden.taxonomy): its purposes are accepted and its"
              + " purpose hierarchy decides the current state.")
  Path taxonomy;

  @Option(
      names = "--jdbc-driver",
      paramLabel = "JAR",
      description =
          "A JDBC driver jar for a jdbc: store other than PostgreSQL, which is built in; repeatable.")
  List<Path> jdbcDrivers = List.of();

  private Taxonomy loaded;

  /** The taxonomy: the built-in one, extended by {@code --taxonomy}; read once. */
  Taxonomy taxonomy() {
    if (loaded == null) {
      try {
        loaded = Taxonomy.load(taxonomy);
      } catch (TaxonomyException e) {
        throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
      }
    }
    return loaded;
  }

  /**
   * Opens the ledger without caching, so each command reads the store as it is now. Nothing is
   * connected yet: a store that is down fails on first use.
   */
  OpenLedger open(PrintWriter err) {
    return open(err, false);
  }

  /**
   * Opens the ledger for a grant or a withdrawal about {@code subject}, refusing before anything is
   * written: a {@code file:} store that is the {@code --audit} trail's file, or whose records about
   * the subject cannot be read for a damaged line (as {@code list} refuses it): the change would be
   * recorded where nothing can decide on it until the line is repaired.
   */
  OpenLedger openForChange(PrintWriter err, String subject, AuditOptions audit) {
    Path file = storeFile();
    if (file != null) {
      audit.checkNotTheTrailOf(store, file);
    }
    OpenLedger ledger = open(err, false);
    if (file != null) {
      try {
        ledger.use(l -> l.history(subject));
      } catch (RuntimeException e) {
        closeQuietly(ledger);
        throw e;
      }
    }
    return ledger;
  }

  private static void closeQuietly(OpenLedger ledger) {
    try {
      ledger.close();
    } catch (IOException | RuntimeException ignored) {
      // the failure that stops the command is the one to report
    }
  }

  /** The file of a {@code file:} store, else null. */
  private Path storeFile() {
    if (!store.startsWith("file:") || ConsentStoreUri.problem(store).isPresent()) {
      return null;
    }
    return Path.of(store.substring("file:".length()));
  }

  /**
   * Opens the ledger only to read it: a store that does not exist (a mistyped path, a database
   * without the table) is an error, and nothing is created.
   */
  OpenLedger openForReading(PrintWriter err) {
    return open(err, true);
  }

  private OpenLedger open(PrintWriter err, boolean readOnly) {
    if (store.strip().equals("memory:")) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_MEMORY_STORE);
    }
    ConsentStoreUri.problem(store)
        .ifPresent(
            problem -> {
              throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_BAD_STORE, problem);
            });
    Path file = storeFile();
    if (file != null) {
      LedgerFileContent.problem(file).ifPresent(problem -> {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, problem);
      });
    }
    PurposeLineage lineage = taxonomy == null ? PurposeLineage.dotted() : PurposeLineage.of(taxonomy());
    DriverLoader drivers = DriverLoader.of(jdbcDrivers);
    ConsentLedger ledger =
        new ConsentLedger(
            readOnly
                ? ConsentStoreUri.openForReading(store, err::println, null)
                : ConsentStoreUri.open(store, err::println),
            lineage,
            Duration.ZERO,
            Clock.systemUTC());
    return new OpenLedger(ledger, drivers);
  }
}

package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.input.AuditKeyFile;
import dev.piiwarden.core.audit.AuditAppender;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import dev.piiwarden.core.text.ShownPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * {@code --audit SINK [--audit-key-file K] [--actor NAME]} of {@code grant} and {@code withdraw}:
 * the change is also written to an audit trail as {@code consent.changed} (SPEC §7), the event the
 * agent writes for a change through {@code Consents} (core's {@link ConsentChangeEvents}).
 */
final class AuditOptions {
  /** The actor of the event when {@code --actor} is not given. */
  static final String DEFAULT_ACTOR = "cli";

  private static final String JSONL = "jsonl:";

  @Option(
      names = "--audit",
      paramLabel = "SINK",
      description =
          "Also write the change to this audit trail as consent.changed; the agent's"
              + " piiwarden.audit.sink syntax, e.g. jsonl:piiwarden-audit.jsonl.")
  String sink;

  @Option(
      names = "--audit-key-file",
      paramLabel = "K",
      description =
          "The trail's key file (default: " + AuditKey.DEFAULT_FILE_NAME
              + " beside the jsonl file, as for the agent); created with mode 0600 if absent.")
  Path keyFile;

  @Option(
      names = "--actor",
      paramLabel = "NAME",
      description = "Who made the change, for the audit event (default: " + DEFAULT_ACTOR + ").")
  String actor;

  /**
   * Opens the trail before the change is made, so that a trail that cannot be written (an agent
   * writing the same jsonl file, a bad key file) stops the command with nothing changed; null
   * without {@code --audit}.
   */
  AuditAppender open(PrintWriter err) {
    if (sink == null) {
      if (keyFile != null || actor != null) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT,
            (keyFile != null ? "--audit-key-file" : "--actor")
                + " has no effect without --audit; pass --audit SINK, e.g."
                + " --audit jsonl:piiwarden-audit.jsonl");
      }
      return null;
    }
    String sinkValue = NonEmpty.of("--audit", sink);
    AuditKeyFile.check(keyFile, "--audit-key-file");
    if (actor != null) {
      NonEmpty.of("--actor", actor);
    }
    try {
      return AuditAppender.open(AuditTrailOptions.defaults().sink(sinkValue).keyFile(keyFile)
          .problems(problem -> err.println("piiwarden: " + problem)));
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.CONSENT_AUDIT_UNAVAILABLE,
          e.getMessage());
    }
  }

  /**
   * Refuses a trail or key file that is the {@code file:} ledger itself: records of both kinds in
   * one file would make it neither a ledger nor a trail that verifies.
   */
  void checkNotTheTrailOf(String store, Path ledger) {
    if (sink != null && sink.startsWith(JSONL) && sameFile(ledger, Path.of(sink.substring(JSONL.length())))) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_STORE_IS_THE_TRAIL,
          "--store " + ShownPath.of(store), "--audit " + ShownPath.of(sink));
    }
    if (keyFile != null && sameFile(ledger, keyFile)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_STORE_IS_THE_TRAIL,
          "--store " + ShownPath.of(store), "--audit-key-file " + ShownPath.of(keyFile.toString()));
    }
  }

  /** Whether the two paths are one file: the same file if both exist, else the same path. */
  private static boolean sameFile(Path one, Path other) {
    try {
      if (Files.exists(one) && Files.exists(other)) {
        return Files.isSameFile(one, other);
      }
    } catch (IOException e) {
      // compared by path below
    }
    return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
  }

  /**
   * Writes the change's event, with {@code recorded}, the time of the record the store wrote; a
   * failure says that the change itself was recorded.
   */
  void changed(AuditAppender trail, String subject, String purpose, String state, String source,
      Instant recorded) {
    if (trail == null) {
      return;
    }
    try {
      trail.append(ConsentChangeEvents.changed(trail.pseudonymizer(), subject,
          actor == null ? DEFAULT_ACTOR : actor.strip(), purpose, state, source, recorded));
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.CONSENT_AUDIT_NOT_WRITTEN,
          e.getMessage());
    }
  }
}

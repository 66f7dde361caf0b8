package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.TrailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The trail files and key file both audit commands take, checked and loaded. */
final class TrailInput {
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "The trail's files (piiwarden-audit.jsonl and its rotated files).")
  private List<Path> files;

  @Option(
      names = "--key-file",
      paramLabel = "K",
      description = "The audit key file the trail was written with (default: "
          + AuditKey.DEFAULT_FILE_NAME + " beside the first FILE).")
  private Path keyFile;

  /** The files in rotation order; a missing or unreadable one is bad input (exit 2). */
  List<Path> files() {
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT,
            "audit file " + file + (Files.exists(file) ? " is not a readable file" : " does not exist")
                + "; pass the trail's files, e.g. piiwarden-audit.*.jsonl piiwarden-audit.jsonl");
      }
    }
    return TrailFiles.sortedForReading(files);
  }

  /** The key: {@code --key-file}, or the default beside the first file; problems are exit 2. */
  AuditKey key() {
    Path file = keyFile != null ? keyFile : AuditKey.defaultFileBeside(files.get(0));
    return badInputOnFailure(() -> AuditKey.load(file));
  }

  /** Runs a core call, turning its {@link AuditException} into a one-line exit 2. */
  static <T> T badInputOnFailure(Supplier<T> call) {
    try {
      return call.get();
    } catch (AuditException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    }
  }
}

package dev.piiwarden.cli.input;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.TrailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit key file an option names, checked before core reads it: a device, a pipe or a socket
 * ({@code --key-file /dev/null}) is no key file, and core's advice for a key file open to others
 * ({@code chmod 600}) would be wrong for it; nor is a trail file, whose bytes would be read as the
 * key. A folder and a missing file are core's to report.
 */
public final class AuditKeyFile {
  private AuditKeyFile() {}

  /**
   * @param option the option that named the file, for the message, e.g. {@code --key-file}
   * @throws CommandFailure (exit 2) for a file that exists but is not a regular file, or that holds
   *     audit records (a trail file given in place of its key file)
   */
  public static void check(Path file, String option) {
    if (file == null || !Files.exists(file) || Files.isDirectory(file)) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.KEY_FILE_NOT_REGULAR, file, option);
    }
    if (holdsAuditRecords(file)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.KEY_FILE_IS_A_TRAIL, option, file);
    }
  }

  private static boolean holdsAuditRecords(Path file) {
    try {
      return Files.isReadable(file) && TrailFiles.holdRecords(List.of(file));
    } catch (AuditException e) {
      return false; // core's reading of the key file names what is wrong with it
    }
  }
}

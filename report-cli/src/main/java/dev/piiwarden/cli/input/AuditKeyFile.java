package dev.piiwarden.cli.input;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audit key file an option names, checked before core reads it: a device, a pipe or a socket
 * ({@code --key-file /dev/null}) is no key file, and core's advice for a key file open to others
 * ({@code chmod 600}) would be wrong for it. A folder and a missing file are core's to report.
 */
public final class AuditKeyFile {
  private AuditKeyFile() {}

  /**
   * @param option the option that named the file, for the message, e.g. {@code --key-file}
   * @throws CommandFailure (exit 2) for a file that exists but is not a regular file
   */
  public static void checkRegular(Path file, String option) {
    if (file != null && Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.KEY_FILE_NOT_REGULAR, file, option);
    }
  }
}

package dev.piiwarden.core.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Before a writer continues an existing jsonl trail: is its key the one the trail was sealed with?
 * A new key over an old trail would seal records that fail verification from the first one on, and
 * the cause (a deleted or replaced key file) would be found only by the auditor. The last record of
 * the trail is checked with the key; a trail with records and no key file is refused too, instead
 * of a new key being created over it.
 */
public final class TrailKeyCheck {
  private TrailKeyCheck() {}

  /**
   * Checks that {@code keyFile} can continue the trail whose active file is {@code active}. A trail
   * with no records yet passes (any key, or none, may begin it).
   *
   * @throws AuditException when {@code active} is a folder, or when the trail holds records and the key file is missing, cannot be
   *     used, or is not the key of the trail's last record; the message names both files and says
   *     to restore the key or move the trail aside
   */
  public static void check(Path active, Path keyFile) {
    if (Files.isDirectory(active)) {
      // the trail's path, not the key, is wrong: say so before reading it fails as "Is a directory"
      throw new AuditException("audit trail " + active + " is a folder; give the path of the trail"
          + " file itself, e.g. " + active.resolve("piiwarden-audit.jsonl"));
    }
    try {
      List<Path> files = TrailFiles.inOrder(active);
      for (int i = files.size() - 1; i >= 0; i--) {
        RecordLine last = lastRecord(files.get(i));
        if (last != null) {
          check(files.get(i), last, keyFile);
          return;
        }
      }
    } catch (IOException e) {
      throw new AuditException("cannot read audit file " + active + " (" + e + ") to check that"
          + " audit key file " + keyFile + " is its key", e);
    }
  }

  private static void check(Path file, RecordLine last, Path keyFile) {
    if (!Files.exists(keyFile)) {
      throw new AuditException("audit key file " + keyFile + " does not exist, but audit trail "
          + file + " holds records sealed with a key; restore the key file the trail was written"
          + " with, or move the trail's files aside to begin a new trail");
    }
    if (!last.hashMatches(AuditKey.load(keyFile).hash())) {
      throw new AuditException("the last record of audit trail " + file + " (seq " + last.seq()
          + ") does not verify with audit key file " + keyFile + ": it is not the key the trail"
          + " was written with; restore that key file, or move the trail's files aside to begin a"
          + " new trail");
    }
  }

  private static RecordLine lastRecord(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return TrailTail.lastRecord(channel);
    }
  }
}

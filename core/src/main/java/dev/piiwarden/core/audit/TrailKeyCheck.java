package dev.piiwarden.core.audit;

import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Before a writer continues an existing trail, a jsonl file or a {@code jdbc:} sink's table: is its
 * key the one the trail was sealed with? A new key over an old trail would seal records that fail
 * verification from the first one on, and the cause (a deleted or replaced key file, a replica
 * started in another folder with a default key of its own) would be found only by the auditor.
 * The last record of the trail is checked with the key; a trail with records and no key file is
 * refused too, instead of a new key being created over it. A table is read by {@link
 * TableKeyCheck}, which alone needs {@code java.sql}: this class serves runtimes without it.
 */
public final class TrailKeyCheck {
  private static final String NEW_TABLE = "ALTER TABLE " + JdbcSink.TABLE + " RENAME TO "
      + JdbcSink.TABLE + "_old";

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
          check(Place.file(files.get(i)), last, keyFile);
          return;
        }
      }
    } catch (IOException e) {
      throw new AuditException("cannot read audit file " + active + " (" + e + ") to check that"
          + " audit key file " + keyFile + " is its key", e);
    }
  }

  /**
   * Checks the last record of a {@code jdbc:} sink's table with the key the sink was given: {@link
   * JdbcSink#open} for a table that could not be read before the key was loaded.
   *
   * @param keyName how the key is named in messages: {@code audit key file <path>}
   */
  static void checkTableWith(String url, RecordLine last, AuditKey key, String keyName) {
    verifies(Place.table(url), last, key, keyName);
  }

  static void check(Place place, RecordLine last, Path keyFile) {
    if (!Files.exists(keyFile)) {
      throw new AuditException("audit key file " + keyFile + " does not exist, but " + place.name
          + " holds records sealed with a key; restore the key file " + place.noun + " was written"
          + " with" + place.remedy);
    }
    verifies(place, last, AuditKey.load(keyFile), "audit key file " + keyFile);
  }

  private static void verifies(Place place, RecordLine last, AuditKey key, String keyName) {
    if (!last.hashMatches(key.hash())) {
      throw new AuditException("the last record of " + place.name + " (seq " + last.seq()
          + ") does not verify with " + keyName + ": it is not the key "
          + place.noun + " was written with; restore that key file" + place.remedy);
    }
  }

  /**
   * The last row of a {@code jdbc:} sink's table holds no record as the writer writes it: it was
   * changed after it was written, and no key can be checked against it.
   */
  static AuditException damagedLastRow(String url, long seq, String keyName) {
    Place table = Place.table(url);
    return new AuditException("the last row of " + table.name + " (seq " + seq + ") holds no"
        + " audit record as the writer writes it (it was changed after it was written), so "
        + keyName + " cannot be checked against it; see what changed with"
        + " 'piiwarden audit verify " + UrlCredentials.withoutCredentials(url) + "', then restore the"
        + " row from a copy, or rename the table to begin a new trail (" + NEW_TABLE + ")");
  }

  /** A trail as messages name it, and how to begin a new one instead of continuing it. */
  record Place(String name, String noun, String remedy) {
    static Place file(Path file) {
      return new Place("audit trail " + file, "the trail",
          ", or move the trail's files aside to begin a new trail");
    }

    static Place table(String url) {
      return new Place("audit table " + JdbcSink.TABLE + " of "
          + UrlCredentials.withoutCredentials(url), "the table",
          " and give every writer of the table that one, or rename the table to begin a new trail ("
              + NEW_TABLE + ")");
    }
  }

  private static RecordLine lastRecord(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return TrailTail.lastRecord(channel);
    }
  }
}

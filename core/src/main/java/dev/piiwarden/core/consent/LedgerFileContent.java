package dev.piiwarden.core.consent;

import dev.piiwarden.core.text.ShownPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether an existing file is a consent ledger at all, judged by its first line as the store reads
 * it ({@link ConsentRecordJson}): a record, or a first write cut short by a crash. Another
 * program's file, or an audit trail named as the store by mistake, holds no record there, and
 * appending consent records to it would damage that file (an audit trail then no longer verifies)
 * while the consent recorded sits where no agent reads it. Damage further down is {@link
 * LedgerDamage}'s concern, not this one's.
 */
public final class LedgerFileContent {
  /** Longer than any consent record's line; a first line that does not end within it is none. */
  private static final int FIRST_LINE_LIMIT = 64 * 1024;

  private LedgerFileContent() {}

  /**
   * Why {@code file} is no consent ledger, naming it as the store does and without its content;
   * empty for a ledger, an empty file, or one that does not exist or cannot be read (the store
   * reports those when it uses the file).
   */
  public static Optional<String> problem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(FIRST_LINE_LIMIT + 1);
    } catch (IOException e) {
      return Optional.empty();
    }
    int start = 0;
    while (start < head.length) {
      int end = start;
      while (end < head.length && head[end] != '\n') {
        end++;
      }
      if (end == head.length && head.length > FIRST_LINE_LIMIT) {
        return Optional.of(notALedger(file, "its first line is longer than any consent record"));
      }
      if (!blank(head, start, end)) {
        ConsentRecordJson.ParsedLine line = ConsentRecordJson.parse(head, start, end - start);
        boolean tornLastLine = line.cutOff() && end == head.length;
        if (line.record() != null || tornLastLine) {
          return Optional.empty();
        }
        return Optional.of(notALedger(file, "its first line is no consent record ("
            + line.problem().replaceFirst("^not a consent record: ", "") + ")"));
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  private static String notALedger(Path file, String why) {
    return "consent store file:" + ShownPath.of(file.toAbsolutePath().normalize().toString())
        + " is no consent ledger: " + why
        + ", as in another program's file or an audit trail, and a consent record appended to it"
        + " would damage it; pass the ledger's path (the agent's piiwarden.consent.store), or a new"
        + " file to begin a ledger";
  }

  private static boolean blank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}

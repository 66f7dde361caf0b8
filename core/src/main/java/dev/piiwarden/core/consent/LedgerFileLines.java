package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every line of a {@code file:} ledger with its line number, read once from start to end: for a
 * check that names ledger lines ({@code piiwarden consent verify}), where a store answers only per
 * subject and without line numbers. Takes no lock: a record being appended meanwhile is read as a
 * cut-off last line, as a reader under the store's lock would never see it.
 */
public final class LedgerFileLines {
  /** A record and the line (from 1) it is on. */
  public record Line(long number, ConsentRecord record) {}

  /** A line that is no record: its number and why, without its content. */
  public record Damaged(long number, String problem) {}

  /**
   * What the file holds.
   *
   * @param records the records, in file order
   * @param damaged the lines that are neither records, nor empty, nor cut off
   * @param cutOffLines the lines cut off by a torn write (which the next write ends with a
   *     newline), skipped as the store skips them
   */
  public record Content(List<Line> records, List<Damaged> damaged, List<Long> cutOffLines) {}

  private LedgerFileLines() {}

  /**
   * Reads the ledger file.
   *
   * @throws IOException when it cannot be read
   */
  public static Content read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<Line> records = new ArrayList<>();
    List<Damaged> damaged = new ArrayList<>();
    List<Long> cutOff = new ArrayList<>();
    long number = 0;
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      number++;
      if (end > start) {
        ConsentRecordJson.ParsedLine parsed = ConsentRecordJson.parse(bytes, start, end - start);
        if (parsed.record() != null) {
          records.add(new Line(number, parsed.record()));
        } else if (parsed.cutOff()) {
          cutOff.add(number);
        } else {
          damaged.add(new Damaged(number, parsed.problem()));
        }
      }
      start = end + 1;
    }
    return new Content(records, damaged, cutOff);
  }
}

package dev.piiwarden.core.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record an earlier verification saw, by its seq and hash: what a chain cannot show by itself,
 * records cut off cleanly at its end, or the whole trail rewritten with the key, shows as that
 * record missing or changed. Kept off the host from an {@code OK … last seq S, hash H} line.
 *
 * @param seq the record's seq
 * @param hash its hash, 64 lower-case hex digits
 */
public record TrailAnchor(long seq, String hash) {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,18}):([0-9a-f]{64})");

  /** The anchor {@code SEQ:HASH}, or empty when the text is not that. */
  public static Optional<TrailAnchor> parse(String text) {
    Matcher match = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!match.matches()) {
      return Optional.empty();
    }
    long seq = Long.parseLong(match.group(1));
    return seq < 1 ? Optional.empty() : Optional.of(new TrailAnchor(seq, match.group(2)));
  }

  /**
   * What is wrong with the trail's files, whose chain verified, against this anchor; empty when
   * they hold the anchor's record unchanged. A verified chain runs from seq 1 without a gap, so the
   * anchor's record is either there ({@link Finding.Kind#REWRITTEN} when its hash differs, naming
   * it) or after the trail's end ({@link Finding.Kind#CUT_OFF}, naming the last record).
   *
   * @throws AuditException when a file cannot be read
   */
  public Optional<Finding> findingIn(List<Path> files) {
    TrailLines.Line last = null;
    long lastSeq = 0;
    try (TrailLines lines = new TrailLines(files)) {
      for (TrailLines.Line line = lines.next(); line != null; line = lines.next()) {
        RecordLine record = RecordLine.parse(line.bytes());
        if (record == null) {
          continue;
        }
        if (record.seq() == seq) {
          return record.hash().equals(hash) ? Optional.empty()
              : Optional.of(new Finding(Finding.Kind.REWRITTEN, line.file(), line.number(), seq,
                  "its hash is " + record.hash() + ", not the anchor's " + hash + ": the trail was"
                      + " rewritten from this record on (with the key), or it is another trail"));
        }
        last = line;
        lastSeq = record.seq();
      }
    }
    if (last == null) {
      return Optional.empty(); // no records: the verifier's finding, not the anchor's
    }
    return Optional.of(new Finding(Finding.Kind.CUT_OFF, last.file(), last.number(), lastSeq,
        "the trail ends here, but an earlier verification saw seq " + seq + " (the anchor): the"
            + " records after this one were cut off, or the trail was replaced by an older or"
            + " another one"));
  }

  @Override
  public String toString() {
    return seq + ":" + hash;
  }
}

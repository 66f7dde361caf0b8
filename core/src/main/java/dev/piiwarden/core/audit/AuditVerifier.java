package dev.piiwarden.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a trail's hash chain over one or more files, in rotation order, and names the first bad
 * record: the file, the line, its seq and what is wrong ({@link Finding.Kind}).
 *
 * <p>Each record must have the next seq, {@code prev} equal to the previous record's hash (64
 * zeros for the first), and a hash that is the HMAC of prev and the record without hash. When one
 * does not, the verifier looks ahead to tell the damage apart: a genuine record whose missing
 * predecessor comes later was reordered, one whose predecessor is nowhere follows deleted records,
 * a record with a bad hash followed by the record that should be here was inserted, and so on.
 *
 * <p>Torn records: lines that are the next record's start cut short (as a writer begins it, {@code
 * {"v":1,"seq":<n>,}), right before an {@code audit.recovered} record whose details name exactly
 * those bytes (file, line, length and their HMAC), are a crash the writer acknowledged when it
 * restarted; they are reported as notes, not findings. The same lines with no such record after
 * them are {@link Finding.Kind#TRUNCATED} at the end of the trail and {@link
 * Finding.Kind#NOT_A_RECORD} elsewhere; any other line is {@link Finding.Kind#NOT_A_RECORD}.
 *
 * <p>What no chain can show on its own: records cut off cleanly at the end. Compare the last seq
 * and hash ({@link VerificationReport#last}) with a copy kept elsewhere (the jdbc or otlp sink).
 */
public final class AuditVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyedHash key;

  /** A verifier with the trail's key. */
  public AuditVerifier(AuditKey key) {
    this.key = key.hash();
  }

  /**
   * Verifies the files as one trail, in the order given.
   *
   * @throws AuditException when a file cannot be read
   */
  public VerificationReport verify(List<Path> files) {
    return verify(files, null);
  }

  /**
   * Verifies the files as one trail whose records up to {@code after} were deleted on purpose
   * (once their retention period ended): its first record must be the one after {@code after}'s
   * seq, chained to its hash. Null: the trail must begin at seq 1.
   *
   * @throws AuditException when a file cannot be read, or the files begin at or before {@code
   *     after}'s seq (they hold records it says were deleted)
   */
  public VerificationReport verify(List<Path> files, TrailAnchor after) {
    ChainPosition last = after == null ? ChainPosition.START : new ChainPosition(after.seq(), after.hash());
    boolean atFirstRecord = true;
    Path lastFile = null;
    long records = 0;
    List<String> notes = new ArrayList<>();
    List<TrailLines.Line> unparsed = new ArrayList<>();
    try (TrailLines lines = new TrailLines(files)) {
      TrailLines.Line line;
      while ((line = lines.next()) != null) {
        RecordLine record = RecordLine.parse(line.bytes());
        if (record == null) {
          unparsed.add(line);
          continue;
        }
        if (atFirstRecord && after != null && record.seq() <= after.seq()) {
          throw new AuditException(line.file() + ":" + line.number() + ": the trail given begins at seq "
              + record.seq() + ", not after seq " + after.seq() + " (--after): give only the files that"
              + " follow the records deleted, or leave --after out to verify from seq 1");
        }
        if (atFirstRecord && after != null && record.seq() == after.seq() + 1 && !record.prev().equals(after.hash())
            && record.hashMatches(key)) {
          return failed(records, last, notes, new Finding(Finding.Kind.BROKEN_LINK, line.file(), line.number(),
              record.seq(), "it follows a record whose hash is " + record.prev() + ", not " + after.hash()
                  + " (--after): the records deleted were not the ones that ended at seq " + after.seq()
                  + " with that hash, or this is another trail"));
        }
        atFirstRecord = false;
        boolean fits = record.seq() == last.seq() + 1 && record.prev().equals(last.hash())
            && record.hashMatches(key);
        if (!unparsed.isEmpty()) {
          if (!fits || !acknowledges(record, unparsed, last.seq() + 1)) {
            return failed(records, last, notes, notARecord(unparsed.get(0)));
          }
          TrailLines.Line torn = unparsed.get(0);
          notes.add(torn.file() + ":" + torn.number() + ": a torn record (" + tornBytes(unparsed).length
              + " bytes) from a crash while writing, acknowledged by the restarted writer at seq "
              + record.seq() + " (" + torn.file().getFileName() + ":" + (torn.number() + unparsed.size())
              + ")");
          unparsed.clear();
        }
        if (!fits) {
          return failed(records, last, notes, classify(files, line, record, last, lastFile));
        }
        last = new ChainPosition(record.seq(), record.hash());
        lastFile = line.file();
        records++;
      }
    }
    if (!unparsed.isEmpty() && unparsed.stream().allMatch(line -> line.bytes().length == 0)) {
      // no writer leaves an empty line, nor does a crash: an editor added the line end
      TrailLines.Line first = unparsed.get(0);
      notes.add(first.file() + ":" + first.number() + ": " + (unparsed.size() == 1 ? "an empty line"
          : unparsed.size() + " empty lines") + " after the last record (added after the trail was"
          + " written, by an editor, say; no record is in them)");
      unparsed.clear();
    }
    if (!unparsed.isEmpty()) {
      TrailLines.Line first = unparsed.get(0);
      // A torn record is part of one record; more than the restarted writer looks back over is
      // something else appended to the trail (the writer, too, refuses to continue after it).
      if (tornBytes(unparsed).length > TrailTail.WINDOW || !looksTorn(unparsed, last.seq() + 1)) {
        return failed(records, last, notes, notARecord(first));
      }
      if (unparsed.size() == 1) {
        return failed(records, last, notes, new Finding(Finding.Kind.TRUNCATED, first.file(),
            first.number(), -1, "the trail ends in a torn record (" + first.bytes().length
                + " bytes, not a whole record): a crash while writing, or the file was cut;"
                + " the records up to seq " + last.seq() + " verify"));
      }
      if (unparsed.stream().allMatch(line -> line.file().equals(first.file()))) {
        // A crash, then another while the restarted writer recorded it: the second writer had
        // ended the first torn record with a newline and was cut inside its audit.recovered.
        return failed(records, last, notes, new Finding(Finding.Kind.TRUNCATED, first.file(),
            first.number(), -1, "the trail ends in " + unparsed.size() + " torn lines ("
                + tornBytes(unparsed).length + " bytes, no whole record): crashes while writing"
                + " and while restarting, or the file was cut; the records up to seq " + last.seq()
                + " verify"));
      }
      return failed(records, last, notes, notARecord(first));
    }
    return new VerificationReport(records, last, Optional.empty(), notes);
  }

  private static VerificationReport failed(
      long records, ChainPosition last, List<String> notes, Finding finding) {
    return new VerificationReport(records, last, Optional.of(finding), notes);
  }

  private static Finding notARecord(TrailLines.Line line) {
    int version = formatVersion(line.bytes());
    if (version > AuditRecordFormat.VERSION) {
      return new Finding(Finding.Kind.NOT_A_RECORD, line.file(), line.number(), -1,
          "the line is a record of format version " + version + ", which this version of PII Warden"
              + " does not read (it reads version " + AuditRecordFormat.VERSION + "); verify the trail"
              + " with the version of PII Warden that wrote it");
    }
    return new Finding(Finding.Kind.NOT_A_RECORD, line.file(), line.number(), -1,
        "the line is not an audit record (garbage, or a record damaged beyond reading)");
  }

  /** The {@code v} of a line that is a JSON object with a whole number there, else 0. */
  private static int formatVersion(byte[] line) {
    try {
      JsonNode version = JSON.readTree(line).path("v");
      return version.canConvertToInt() && version.isIntegralNumber() ? version.intValue() : 0;
    } catch (IOException | RuntimeException notJson) {
      return 0; // garbage, as the caller says
    }
  }

  /**
   * Whether an {@code audit.recovered} record names exactly these torn lines, and they are what a
   * crash leaves: record {@code seq} cut short (the writer, too, acknowledges nothing else).
   */
  private boolean acknowledges(RecordLine record, List<TrailLines.Line> torn, long seq) {
    if (!AuditEventType.AUDIT_RECOVERED.equals(record.type()) || !looksTorn(torn, seq)) {
      return false;
    }
    TrailLines.Line first = torn.get(0);
    for (TrailLines.Line line : torn) {
      if (!line.file().equals(first.file())) {
        return false;
      }
    }
    JsonNode details;
    try {
      details = JSON.readTree(record.line());
    } catch (JsonProcessingException e) {
      return false; // its hash matched, so the writer wrote it; it just does not name these lines
    }
    byte[] bytes = tornBytes(torn);
    return first.file().getFileName().toString().equals(details.path("file").asText())
        && details.path("line").asLong() == first.number()
        && details.path("bytes").asLong() == bytes.length
        && key.hex(bytes).equals(details.path("tornHmac").asText());
  }

  /** Whether each line is the start of record {@code seq} as a writer writes it, cut short. */
  private static boolean looksTorn(List<TrailLines.Line> lines, long seq) {
    for (TrailLines.Line line : lines) {
      if (!RecordLine.isTornStartOf(line.bytes(), seq)) {
        return false;
      }
    }
    return true;
  }

  /** The torn bytes as the writer saw them: the lines joined by the newlines between them. */
  private static byte[] tornBytes(List<TrailLines.Line> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.write('\n');
      }
      out.writeBytes(lines.get(i).bytes());
    }
    return out.toByteArray();
  }

  private Finding classify(List<Path> files, TrailLines.Line at, RecordLine record,
      ChainPosition last, Path lastFile) {
    long expected = last.seq() + 1;
    Lookahead ahead = lookahead(files, at.index(), expected, last.hash());
    boolean genuine = record.hashMatches(key);
    Finding.Kind kind;
    String detail;
    if (!genuine) {
      if (ahead.next != null && ahead.next.seq() == expected && ahead.next.prev().equals(last.hash())
          && ahead.next.hashMatches(key)) {
        kind = Finding.Kind.INSERTED;
        detail = "a record the writer did not write (its hash does not match) was inserted before"
            + " seq " + expected;
      } else if (record.seq() < expected) {
        kind = Finding.Kind.INSERTED;
        detail = "a record the writer did not write: seq " + record.seq() + " again after seq "
            + last.seq() + ", and its hash does not match";
      } else {
        kind = Finding.Kind.EDITED;
        detail = last.seq() == 0 && ahead.next != null && !ahead.next.hashMatches(key)
            // the first two records do not verify: more likely another trail's key than two edits
            ? "no record verifies with this key: it is not the trail's key (give the trail's with"
                + " --key-file), or the records were changed after they were written"
            : "the record was changed after it was written: its hash does not match its content";
      }
    } else if (record.seq() < expected) {
      kind = Finding.Kind.INSERTED;
      RecordLine earlier = earlier(files, at.index(), record.seq());
      detail = earlier != null && earlier.hash().equals(record.hash())
          ? "a copy of record seq " + record.seq() + " was inserted after seq " + last.seq()
          : record.seq() == 1
              // genuine, so sealed with this key, yet not this trail's first record
              ? "another trail's records begin here: a record with seq 1 after seq " + last.seq()
                  + " that is not a copy of this trail's record seq 1 (another trail, written with"
                  + " the same key, was appended)"
              : "another trail's record was inserted after seq " + last.seq() + ": seq "
                  + record.seq() + " again, not a copy of this trail's record seq " + record.seq()
                  + " (another trail written with the same key)";
    } else if (record.seq() > expected && ahead.expectedLater) {
      kind = Finding.Kind.REORDERED;
      detail = "records are out of order: seq " + record.seq() + " comes before seq " + expected;
    } else if (record.seq() > expected) {
      kind = Finding.Kind.MISSING;
      detail = (record.seq() - expected == 1 ? "record seq " + expected + " is"
          : "records seq " + expected + " to " + (record.seq() - 1) + " are")
          + " missing before this record (deleted"
          + (last.seq() == 0 ? ", or earlier rotated files were not given: pass them too, oldest"
              + " first; files deleted on purpose, once their retention period ended, are verified"
              + " past with --after SEQ:HASH, the last seq and hash of the deleted files' own OK line)"
              : lastFile != null && !lastFile.equals(at.file())
                  // the gap is where one file ends and the next begins: a file left out
                  ? ", or rotated files between " + lastFile.getFileName() + " and "
                      + at.file().getFileName() + " were not given: pass them too, in rotation"
                      + " order)"
                  : ")");
    } else if (ahead.next != null && ahead.next.seq() == record.seq() + 1
        && !ahead.next.prev().equals(record.hash())) {
      // genuine, but neither its predecessor nor its successor chains with it: it is the odd one
      kind = Finding.Kind.BROKEN_LINK;
      detail = "this record was not written here: its hash matches the key, but it chains neither"
          + " to the record before it nor to the record after it (another trail's record, written"
          + " with the same key, replaced the one written here)";
    } else {
      kind = Finding.Kind.BROKEN_LINK;
      detail = "the record does not chain to the record before it (its prev is not that record's"
          + " hash)" + (ahead.next != null && ahead.next.seq() == record.seq() + 1
              // both sides are genuine and chain within themselves: two trails joined here
              ? ", while the record after it chains to it: from here on the records belong to"
                  + " another trail than those before, written with the same key (two trails"
                  + " joined after seq " + last.seq() + ")"
              : ": this record, or the one before it, belongs to another trail written with the"
                  + " same key")
          + (lastFile != null && !lastFile.equals(at.file())
              ? ", or the files are not given in rotation order" : "");
    }
    return new Finding(kind, at.file(), at.number(), record.seq(), detail);
  }

  /** The first record with {@code seq} before line {@code index}, or null when there is none. */
  private static RecordLine earlier(List<Path> files, long index, long seq) {
    try (TrailLines lines = new TrailLines(files)) {
      TrailLines.Line line;
      while ((line = lines.next()) != null && line.index() < index) {
        RecordLine record = RecordLine.parse(line.bytes());
        if (record != null && record.seq() == seq) {
          return record;
        }
      }
    }
    return null;
  }

  /** What follows a bad record: the next record, and whether the expected one comes later. */
  private Lookahead lookahead(List<Path> files, long index, long expectedSeq, String expectedPrev) {
    Lookahead ahead = new Lookahead();
    try (TrailLines lines = new TrailLines(files)) {
      TrailLines.Line line;
      while ((line = lines.next()) != null) {
        if (line.index() <= index) {
          continue;
        }
        RecordLine record = RecordLine.parse(line.bytes());
        if (record == null) {
          continue;
        }
        if (ahead.next == null) {
          ahead.next = record;
        }
        if (record.seq() == expectedSeq && record.prev().equals(expectedPrev)) {
          ahead.expectedLater = true;
          break;
        }
      }
    }
    return ahead;
  }

  private static final class Lookahead {
    RecordLine next;
    boolean expectedLater;
  }
}

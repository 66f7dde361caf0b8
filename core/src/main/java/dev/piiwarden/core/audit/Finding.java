package dev.piiwarden.core.audit;

import java.nio.file.Path;

/**
 * The first thing wrong with a trail, as {@link AuditVerifier} found it.
 *
 * @param kind what is wrong
 * @param file the file holding the bad line
 * @param line the 1-based line in that file
 * @param seq the seq of the record on that line, or -1 when the line is not a record
 * @param detail what is wrong, in words
 */
public record Finding(Kind kind, Path file, long line, long seq, String detail) {
  /** The kinds of damage a verifier tells apart. */
  public enum Kind {
    /** A record whose content no longer matches its hash. */
    EDITED,
    /** Records missing before this one: deleted. */
    MISSING,
    /** A record that does not belong here: forged, or a copy of another. */
    INSERTED,
    /** A genuine record out of order. */
    REORDERED,
    /** A record that does not chain to the one before it (a file missing or out of order). */
    BROKEN_LINK,
    /** The trail ends in a torn record: a crash while writing, or the file was cut. */
    TRUNCATED,
    /** A line that is not an audit record. */
    NOT_A_RECORD,
    /** The trail ends before a record an earlier verification saw ({@link TrailAnchor}). */
    CUT_OFF,
    /** A record an earlier verification saw has another hash now ({@link TrailAnchor}). */
    REWRITTEN
  }

  /** One line: {@code file:line: seq N: kind: detail}. */
  public String describe() {
    return describeAt(file + ":" + line);
  }

  /** One line with the place named otherwise: {@code where: seq N: kind: detail}. */
  public String describeAt(String where) {
    return where + ": " + (seq >= 0 ? "seq " + seq + ": " : "")
        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
  }
}

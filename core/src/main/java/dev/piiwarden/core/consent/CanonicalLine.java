package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.nio.charset.StandardCharsets;

/**
 * Reads a ledger line written by {@link ConsentRecordJson#line} with plain ASCII values and no
 * escapes, the form nearly every line has, by matching its bytes: about four times faster than a
 * JSON parser per line, which is what a ledger of a million lines loads in. Any other line (another
 * field order, escapes, non-ASCII text, damage) gets null, and the JSON parser reads it.
 */
final class CanonicalLine {
  private static final byte[] SUBJECT = ascii("{\"subject\":\"");
  private static final byte[] PURPOSE = ascii("\",\"purpose\":\"");
  private static final byte[] STATE = ascii("\",\"state\":\"");
  private static final byte[] TIME = ascii("\",\"time\":\"");
  private static final byte[] SOURCE = ascii("\",\"source\":\"");
  private static final byte[] EXPIRES = ascii("\",\"expires\":\"");
  private static final byte[] END = ascii("\"}");

  private final byte[] bytes;
  private final int end;
  private int at;

  private CanonicalLine(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.at = offset;
    this.end = offset + length;
  }

  /** The record of {@code bytes[offset, offset + length)}, or null when it is not in that form. */
  static ConsentRecord parse(byte[] bytes, int offset, int length) {
    CanonicalLine line = new CanonicalLine(bytes, offset, length);
    try {
      String subject = line.after(SUBJECT);
      String purpose = line.after(PURPOSE);
      String state = line.after(STATE);
      String time = line.after(TIME);
      String source = line.after(SOURCE);
      String expires = null;
      if (line.startsWith(EXPIRES)) {
        expires = line.after(EXPIRES);
      }
      if (subject == null || purpose == null || state == null || time == null || source == null
          || !line.startsWith(END) || line.at + END.length != line.end) {
        return null;
      }
      ConsentRecord.State parsedState = switch (state) {
        case "GRANTED" -> ConsentRecord.State.GRANTED;
        case "WITHDRAWN" -> ConsentRecord.State.WITHDRAWN;
        default -> null;
      };
      if (parsedState == null) {
        return null;
      }
      return new ConsentRecord(subject, purpose, parsedState, LedgerInstant.parse(time), source,
          expires == null ? null : LedgerInstant.parse(expires));
    } catch (RuntimeException e) {
      return null; // a time that does not parse: the JSON parser says what is wrong
    }
  }

  /** The ASCII text between {@code prefix} here and the next quote; null if not so. */
  private String after(byte[] prefix) {
    if (at < 0 || !startsWith(prefix)) {
      at = -1;
      return null;
    }
    int start = at + prefix.length;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == '"') {
        at = i;
        return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (b == '\\' || b < 0x20) { // an escape, a control character, or not ASCII (negative)
        break;
      }
    }
    at = -1;
    return null;
  }

  private boolean startsWith(byte[] prefix) {
    if (at < 0 || end - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

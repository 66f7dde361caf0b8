package dev.piiwarden.cli.redact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;

/**
 * Recognises UTF-16 and UTF-32 text at the start of an input, by its byte-order mark or by the NUL
 * bytes between its characters. Read as UTF-8, such text keeps a NUL beside every letter, so no
 * detector sees {@code bob@example.com} in it and it would come out unredacted: it is refused
 * instead. Malformed UTF-8 (Latin-1 text, binary) is not recognised here: its bytes are replaced.
 */
final class WideEncoding {
  /** How much of the start is looked at: enough for a line, without waiting for a whole buffer. */
  static final int SNIFFED = 4096;

  private WideEncoding() {}

  /** What was recognised: the encoding's name and how it shows. */
  record Found(String encoding, String evidence) {}

  /** The input with its first bytes put back, and what they show. */
  record Sniffed(InputStream stream, Optional<Found> found) {}

  /**
   * Reads the first bytes of {@code in}: at least 4 (a UTF-32 mark), a line end, or the end. The
   * stream returned gives those bytes back on their own before reading {@code in} again (a
   * pushback stream would fill the rest of the caller's buffer from {@code in}, so the first line of
   * a pipe that then goes quiet, {@code tail -f}'s, would wait for the next).
   */
  static Sniffed sniff(InputStream in) throws IOException {
    byte[] start = new byte[SNIFFED];
    int length = 0;
    // Never wait for more once a line is there, so that tail -f shows each line as it comes.
    while (length < 4 && !hasLineEnd(start, length)) {
      int read = in.read(start, length, SNIFFED - length);
      if (read < 0) {
        break;
      }
      length += read;
    }
    InputStream stream = new SequenceInputStream(new ByteArrayInputStream(start, 0, length), in);
    return new Sniffed(stream, recognise(start, length));
  }

  private static boolean hasLineEnd(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  /** UTF-16 or UTF-32 in {@code bytes[0..length)}, if that is what they are. */
  static Optional<Found> recognise(byte[] bytes, int length) {
    if (startsWith(bytes, length, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, length, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of(new Found("UTF-32", "it starts with a UTF-32 byte-order mark"));
    }
    if (startsWith(bytes, length, 0xFE, 0xFF) || startsWith(bytes, length, 0xFF, 0xFE)) {
      return Optional.of(new Found("UTF-16", "it starts with a UTF-16 byte-order mark"));
    }
    if (length < 4) {
      return Optional.empty();
    }
    // Without a mark: count NULs by position modulo 4. ASCII in UTF-16 has every second byte NUL,
    // in UTF-32 three of four; text and binary in or beside UTF-8 have next to none.
    int[] nuls = new int[4];
    int whole = length - length % 4;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] == 0) {
        nuls[i % 4]++;
      }
    }
    int quads = whole / 4;
    int mostlyNul = 0;
    int fewNul = 0;
    for (int count : nuls) {
      if (count * 10 >= quads * 9) {
        mostlyNul++;
      } else if (count * 10 <= quads) {
        fewNul++;
      }
    }
    if (mostlyNul == 3 && fewNul == 1) {
      return Optional.of(new Found("UTF-32", "it has NUL bytes between its characters"));
    }
    boolean evenNul = nuls[0] * 10 >= quads * 9 && nuls[2] * 10 >= quads * 9;
    boolean oddNul = nuls[1] * 10 >= quads * 9 && nuls[3] * 10 >= quads * 9;
    boolean evenText = nuls[0] * 10 <= quads && nuls[2] * 10 <= quads;
    boolean oddText = nuls[1] * 10 <= quads && nuls[3] * 10 <= quads;
    if ((evenNul && oddText) || (oddNul && evenText)) {
      return Optional.of(new Found("UTF-16", "it has NUL bytes between its characters"));
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

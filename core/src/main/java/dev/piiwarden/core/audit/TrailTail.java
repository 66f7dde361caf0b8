package dev.piiwarden.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a trail file ends with, read when a writer restarts: the last complete record (where the
 * chain continues) and the bytes after it, if any (a record torn by a crash). Torn bytes must look
 * like the start of the next record as a writer writes it ({@link RecordLine#isTornStartOf}): a
 * crash leaves nothing else, so other bytes there (an edit, text put in place of the last record)
 * are refused, not acknowledged. Only the file's last
 * {@value #WINDOW} bytes are searched for that record; records are far smaller, so the last
 * {@value #FIRST_WINDOW} are read first and the full window only when they hold no whole record
 * (a long torn tail): a restart with a large trail file reads a few KB, not a MB.
 */
final class TrailTail {
  static final int WINDOW = 1 << 20;
  static final int FIRST_WINDOW = 1 << 16;
  private static final String MOVE_ASIDE = "keep the file for the auditor ('piiwarden audit"
      + " verify' names the first line that is no record), and move it aside so that a new trail"
      + " begins";

  private TrailTail() {}

  /**
   * Reads the end of the open file.
   *
   * @return the chain position after the last record and the torn bytes after it, or {@link
   *     AuditSink.Start#NEW} for an empty file
   * @throws AuditException when the file's end holds no record at all but the file is bigger than
   *     the window, or the bytes after its last record are neither a record nor the next one cut
   *     short: it is not a trail this writer can continue
   */
  static AuditSink.Start read(Path file, FileChannel channel) throws IOException {
    return read(file, channel, channel.size());
  }

  /** As {@link #read(Path, FileChannel)}, for the file's first {@code size} bytes. */
  static AuditSink.Start read(Path file, FileChannel channel, long size) throws IOException {
    return read(file, channel, size, () -> ChainPosition.START);
  }

  /** Where the chain stands before a file's first record, read only when the file holds none. */
  interface Before {
    ChainPosition get() throws IOException;
  }

  /**
   * As {@link #read(Path, FileChannel, long)}, for a file that begins after {@code before}: the
   * active file after a rotation begins after the newest rotated file's last record, so a crash
   * during its first write leaves that record's successor cut short there.
   */
  static AuditSink.Start read(Path file, FileChannel channel, long size, Before before) throws IOException {
    if (size == 0) {
      return AuditSink.Start.NEW;
    }
    AuditSink.Start start = read(file, channel, size, FIRST_WINDOW, before);
    return start != null ? start : read(file, channel, size, WINDOW, before);
  }

  /**
   * The last record of a trail file, or null when its last {@value #WINDOW} bytes hold none (or it
   * is empty): {@link TrailKeyCheck}.
   */
  static RecordLine lastRecord(FileChannel channel) throws IOException {
    long size = channel.size();
    Scan scan = scan(channel, size, FIRST_WINDOW);
    if (scan.last == null && scan.windowStart > 0) {
      scan = scan(channel, size, WINDOW);
    }
    return scan.last;
  }

  /** The tail as seen in the last {@code windowSize} bytes; null when a larger window must decide. */
  private static AuditSink.Start read(Path file, FileChannel channel, long size, int windowSize,
      Before before) throws IOException {
    Scan scan = scan(channel, size, windowSize);
    RecordLine last = scan.last;
    byte[] window = scan.window;
    long windowStart = scan.windowStart;
    int tornStart = scan.lineEnd + 1;
    if (last == null && windowStart > 0 && windowSize < WINDOW) {
      return null;
    }
    if (last == null && windowStart > 0) {
      throw new AuditException("audit file " + file + " ends with " + WINDOW + " bytes that hold"
          + " no audit record, so it cannot be continued; " + MOVE_ASIDE);
    }
    ChainPosition position = last == null ? before.get() : new ChainPosition(last.seq(), last.hash());
    if (tornStart == window.length) {
      return new AuditSink.Start(position, null);
    }
    int tornEnd = window[window.length - 1] == '\n' ? window.length - 1 : window.length;
    byte[] torn = Arrays.copyOfRange(window, tornStart, Math.max(tornStart, tornEnd));
    long line = newlinesBefore(channel, windowStart + tornStart) + 1;
    if (!isTorn(torn, position.seq() + 1)) {
      String crashLeaves = "(all a crash leaves there is that record's start, {\"v\":1,\"seq\":"
          + (position.seq() + 1) + ",\"ts\":\" or less of it, cut short before its hash)";
      throw new AuditException(last == null
          ? "audit file " + file + " holds no audit record, and its " + torn.length + " bytes are"
              + " not record seq " + (position.seq() + 1) + " cut short by a crash either " + crashLeaves
              + ": it is no audit trail, so it cannot be continued; " + MOVE_ASIDE
          : "audit file " + file + " ends with " + torn.length + " bytes after its last record"
              + " (seq " + last.seq() + "), from line " + line + " on, that are neither a whole"
              + " record nor record seq " + (position.seq() + 1) + " cut short by a crash "
              + crashLeaves + ": they were put there after the file was written, so it cannot be"
              + " continued; " + MOVE_ASIDE);
    }
    return new AuditSink.Start(position,
        new AuditSink.TornTail(file.getFileName().toString(), line, torn));
  }

  /** Each line of the torn bytes is record {@code seq} cut short (twice when a restart was cut too). */
  private static boolean isTorn(byte[] torn, long seq) {
    int from = 0;
    for (int i = 0; i <= torn.length; i++) {
      if (i == torn.length || torn[i] == '\n') {
        if (!RecordLine.isTornStartOf(Arrays.copyOfRange(torn, from, i), seq)) {
          return false;
        }
        from = i + 1;
      }
    }
    return true;
  }

  /**
   * Where the file ends once empty lines after its last line are left out: no writer leaves one,
   * nor does a crash (an editor adds them), so they hold nothing and are no torn record.
   */
  static long endWithoutEmptyLines(FileChannel channel) throws IOException {
    long end = channel.size();
    // a newline that ends a line of its own, or the whole file
    while (end > 0 && byteAt(channel, end - 1) == '\n'
        && (end == 1 || byteAt(channel, end - 2) == '\n')) {
      end--;
    }
    return end;
  }

  static byte byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  /**
   * The file's last {@code windowSize} bytes walked back over complete lines (those followed by a
   * newline) to the last that is a record; a last line without its newline counts when it is a
   * whole record.
   *
   * @param last that record, or null
   * @param lineEnd where its line ends (the newline, or the window's last byte for a last record
   *     without its newline), or where the walk stopped: -1, or before a line the window starts
   *     inside
   */
  private record Scan(byte[] window, long windowStart, RecordLine last, int lineEnd) {}

  private static Scan scan(FileChannel channel, long size, int windowSize) throws IOException {
    long windowStart = Math.max(0, size - windowSize);
    byte[] window = new byte[(int) (size - windowStart)];
    ByteBuffer buffer = ByteBuffer.wrap(window);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, windowStart + buffer.position()) < 0) {
        break;
      }
    }
    int lineEnd = lastNewline(window, window.length - 1);
    if (lineEnd < window.length - 1 && (lineEnd >= 0 || windowStart == 0)) {
      // A whole record that lacks only its newline (a power cut before the newline reached the
      // disk, a copy that dropped it) is the last record, as verify reads it; the writer ends it.
      RecordLine record = RecordLine.parse(Arrays.copyOfRange(window, lineEnd + 1, window.length));
      if (record != null) {
        return new Scan(window, windowStart, record, window.length - 1);
      }
    }
    while (lineEnd >= 0) {
      int lineStart = lastNewline(window, lineEnd - 1) + 1;
      if (lineStart == 0 && windowStart > 0) {
        break; // the window starts mid-line
      }
      RecordLine record = RecordLine.parse(Arrays.copyOfRange(window, lineStart, lineEnd));
      if (record != null) {
        return new Scan(window, windowStart, record, lineEnd);
      }
      lineEnd = lineStart - 1;
    }
    return new Scan(window, windowStart, null, lineEnd);
  }

  private static int lastNewline(byte[] bytes, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long newlinesBefore(FileChannel channel, long offset) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long count = 0;
    long position = 0;
    while (position < offset) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), offset - position));
      int read = channel.read(buffer, position);
      if (read < 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          count++;
        }
      }
      position += read;
    }
    return count;
  }
}

package dev.piiwarden.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file as lines of raw bytes split at {@code \n} only, so that a torn record (cut in the
 * middle of a UTF-8 character, say) keeps its exact bytes, and says whether the last line had its
 * newline. A line longer than any record ({@value #MAX_LINE} bytes) is kept only up to that length:
 * it is no record whatever follows, and a line of gigabytes put into a trail must not exhaust the
 * heap of the verifier that is to name it.
 */
final class ByteLines implements Closeable {
  /** The longest line kept whole; a record is far shorter. */
  static final int MAX_LINE = 16 << 20;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  private boolean lastTerminated = true;

  ByteLines(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /** The next line without its newline, or null at the end. */
  byte[] next() throws IOException {
    line.reset();
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line.size() == 0) {
            return null;
          }
          lastTerminated = false;
          return line.toByteArray();
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, Math.max(0, Math.min(position - start, MAX_LINE - line.size())));
      if (position < limit) {
        position++;
        lastTerminated = true;
        return line.toByteArray();
      }
    }
  }

  /** Whether the line {@link #next} returned last ended with a newline. */
  boolean lastTerminated() {
    return lastTerminated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

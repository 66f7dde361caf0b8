package dev.piiwarden.cli.redact;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a character stream with their own line ends, {@code \n}, {@code \r\n} or none (the
 * last line), so that output can end each line as the input did. A lone {@code \r} is part of the
 * line. Holds one line at a time: memory is bounded by the longest line, not the input.
 */
final class TerminatedLines {
  private final Reader reader;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int limit;
  private String ending = "";

  TerminatedLines(Reader reader) {
    this.reader = reader;
  }

  /** The next line without its ending, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          ending = "";
          return line.length() == 0 ? null : line.toString();
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++;
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
          ending = "\r\n";
        } else {
          ending = "\n";
        }
        return line.toString();
      }
    }
  }

  /** The ending of the line {@link #next()} returned last: {@code "\n"}, {@code "\r\n"} or empty. */
  String ending() {
    return ending;
  }

  /** Whether more input can be read now without blocking (then output need not be flushed yet). */
  boolean hasBufferedInput() throws IOException {
    return position < limit || reader.ready();
  }
}

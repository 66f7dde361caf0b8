package dev.piiwarden.core.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The lines of several trail files read one after the other, each with its file and number. */
final class TrailLines implements Closeable {
  private final List<Path> files;
  private int fileIndex = -1;
  private ByteLines current;
  private long lineNumber;
  private long index = -1;

  /** One line: its file, 1-based number in the file, 0-based index over all files, bytes. */
  record Line(Path file, long number, long index, byte[] bytes) {}

  TrailLines(List<Path> files) {
    this.files = files;
  }

  /**
   * The next line, or null after the last file.
   *
   * @throws AuditException when a file cannot be read
   */
  Line next() {
    try {
      while (true) {
        if (current == null) {
          if (++fileIndex >= files.size()) {
            return null;
          }
          current = open(files.get(fileIndex));
          lineNumber = 0;
        }
        byte[] bytes = current.next();
        if (bytes != null) {
          index++;
          return new Line(files.get(fileIndex), ++lineNumber, index, bytes);
        }
        current.close();
        current = null;
      }
    } catch (IOException e) {
      throw new AuditException("cannot read audit file " + files.get(fileIndex) + " (" + e + ")", e);
    }
  }

  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static ByteLines open(Path file) throws IOException {
    try {
      return new ByteLines(file);
    } catch (NoSuchFileException e) {
      throw new AuditException("audit file " + file + " does not exist; pass the trail's files,"
          + " e.g. piiwarden-audit.*.jsonl piiwarden-audit.jsonl", e);
    }
  }
}

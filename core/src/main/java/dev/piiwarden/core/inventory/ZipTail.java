package dev.piiwarden.core.inventory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A zip file's bytes as they stream past, keeping the last ones, to tell whether the file ends
 * with an end-of-central-directory record. Reading entries one by one cannot tell a jar cut short
 * between two entries, or bytes that are no zip at all, from a complete jar: both just end.
 */
final class ZipTail extends FilterInputStream {
  private static final int RECORD = 22;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final byte[] SIGNATURE = {0x50, 0x4b, 0x05, 0x06};

  private final byte[] ring = new byte[RECORD + MAX_COMMENT];
  private long total;

  ZipTail(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      keep(buffer[offset + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipped bytes may be the end; read them so they are kept
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void keep(byte b) {
    ring[(int) (total % ring.length)] = b;
    total++;
  }

  /** Reads what is left, then says whether the bytes end with an end-of-central-directory record. */
  boolean endsWithCentralDirectory() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) >= 0) {
      // only the tail is kept
    }
    int length = (int) Math.min(total, ring.length);
    byte[] tail = new byte[length];
    for (int i = 0; i < length; i++) {
      tail[i] = ring[(int) ((total - length + i) % ring.length)];
    }
    // The record is 22 bytes plus its comment, whose length it gives in its last two bytes.
    for (int at = length - RECORD; at >= 0; at--) {
      int comment = (tail[at + 20] & 0xFF) | (tail[at + 21] & 0xFF) << 8;
      if (tail[at] == SIGNATURE[0] && tail[at + 1] == SIGNATURE[1] && tail[at + 2] == SIGNATURE[2]
          && tail[at + 3] == SIGNATURE[3] && at + RECORD + comment == length) {
        return true;
      }
    }
    return false;
  }
}

package dev.piiwarden.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A jar of stored (uncompressed) entries, written byte by byte in the ZIP format (APPNOTE 4.3):
 * local headers with the data, then the central directory. Every entry has one fixed time, so the
 * same entries always make the same bytes. Written by hand because the bridge jar is made while
 * the application starts, and {@code JarOutputStream} brings a deflater and its stream classes
 * for what is a few dozen header fields.
 */
final class StoredJar {
  /** 2020-01-01 00:00 as an MS-DOS date and time. */
  private static final int DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  private static final int DOS_TIME = 0;
  /** Version 1.0 of the format: stored entries need nothing later. */
  private static final int VERSION = 10;

  private StoredJar() {}

  /** The jar holding {@code contents[i]} under {@code names[i]} (ASCII names), in that order. */
  static byte[] of(String[] names, byte[][] contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    ByteArrayOutputStream directory = new ByteArrayOutputStream(4 * 1024);
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i].getBytes(StandardCharsets.US_ASCII);
      byte[] data = contents[i];
      CRC32 crc = new CRC32();
      crc.update(data);
      int offset = out.size();
      int32(out, 0x04034b50);
      int16(out, VERSION);
      common(out, name, data.length, (int) crc.getValue());
      out.write(name, 0, name.length);
      out.write(data, 0, data.length);

      int32(directory, 0x02014b50);
      int16(directory, VERSION); // made by
      int16(directory, VERSION); // needed to extract
      common(directory, name, data.length, (int) crc.getValue());
      int16(directory, 0); // comment length
      int16(directory, 0); // disk number
      int16(directory, 0); // internal attributes
      int32(directory, 0); // external attributes
      int32(directory, offset);
      directory.write(name, 0, name.length);
    }
    int directoryOffset = out.size();
    out.write(directory.toByteArray(), 0, directory.size());
    int32(out, 0x06054b50);
    int16(out, 0); // this disk
    int16(out, 0); // disk of the directory
    int16(out, names.length);
    int16(out, names.length);
    int32(out, directory.size());
    int32(out, directoryOffset);
    int16(out, 0); // comment length
    return out.toByteArray();
  }

  /** Flags to extra length: the fields local header and directory entry share. */
  private static void common(ByteArrayOutputStream out, byte[] name, int size, int crc) {
    int16(out, 0); // flags
    int16(out, 0); // method: stored
    int16(out, DOS_TIME);
    int16(out, DOS_DATE);
    int32(out, crc);
    int32(out, size); // compressed
    int32(out, size); // uncompressed
    int16(out, name.length);
    int16(out, 0); // extra length
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    int16(out, value);
    int16(out, value >>> 16);
  }
}

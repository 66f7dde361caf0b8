package dev.piiwarden.agent;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.zip.CRC32;

/**
 * The jar the agent runs from: where it is, and a fingerprint of its contents for files that later
 * starts reuse only when they were made by this very agent.
 */
public final class AgentJar {
  private static final int END_RECORD = 22;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int MAX_DIRECTORY = 16 << 20;

  private static String fingerprint;
  private static boolean fingerprinted;

  private AgentJar() {}

  /** The agent jar; null when the agent's classes come from elsewhere (a class folder, in tests). */
  public static Path location() {
    try {
      CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !location.getProtocol().equals("file")
          || !location.getPath().endsWith(".jar")) {
        return null;
      }
      Path jar = Path.of(location.toURI());
      return Files.isRegularFile(jar) ? jar : null;
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // Not a plain file location: callers then do without the jar.
      return null;
    }
  }

  /**
   * The CRC-32 of the jar's central directory (which holds every entry's name, size and CRC-32),
   * the directory's size and the jar's size, as hex: any change to any class of the agent changes
   * it. Null when there is no agent jar or it cannot be read as a plain zip. Computed once.
   */
  public static synchronized String fingerprint() {
    if (!fingerprinted) {
      fingerprinted = true;
      Path jar = location();
      try {
        fingerprint = jar == null ? null : fingerprintOf(jar);
      } catch (IOException e) {
        // Unreadable now: whatever would be keyed by it is made afresh instead of reused.
        fingerprint = null;
      }
    }
    return fingerprint;
  }

  /** The fingerprint of a jar file; null when its end record is not a plain zip's. */
  static String fingerprintOf(Path jar) throws IOException {
    try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
      long size = channel.size();
      int tail = (int) Math.min(size, END_RECORD + 0xFFFF);
      ByteBuffer end = read(channel, size - tail, tail);
      for (int at = tail - END_RECORD; at >= 0; at--) {
        if (end.getInt(at) == END_SIGNATURE) {
          long directorySize = end.getInt(at + 12) & 0xFFFFFFFFL;
          long directoryOffset = end.getInt(at + 16) & 0xFFFFFFFFL;
          if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) {
            return null;
          }
          CRC32 crc = new CRC32();
          crc.update(read(channel, directoryOffset, (int) directorySize));
          return Long.toHexString(crc.getValue()) + "-" + Long.toHexString(directorySize) + "-"
              + Long.toHexString(size);
        }
      }
      return null;
    }
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the agent jar ended early");
      }
    }
    buffer.flip();
    return buffer;
  }
}

package dev.piiwarden.core.inventory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The fragments of a jar inside an archive: a war's {@code WEB-INF/lib/*.jar}, a Spring Boot jar's
 * {@code BOOT-INF/lib/*.jar}. The jar is streamed from the archive, without a temporary file; memory
 * holds one fragment and the jar's last 64 KiB, which show whether it is complete.
 */
final class NestedJar {
  private NestedJar() {}

  /**
   * Reads the fragments of the jar that {@code in} streams, sorted by entry name.
   *
   * @param origin names the jar in messages and fragments, {@code app.war!/WEB-INF/lib/model.jar}
   * @throws InventoryException when the jar is cut short, damaged, no zip, or holds a corrupt fragment
   */
  static List<InventoryFragment> read(InputStream in, String origin) {
    Map<String, InventoryFragment> fragments = new TreeMap<>();
    ZipTail tail = new ZipTail(in);
    try (ZipInputStream zip = new ZipInputStream(tail)) {
      try {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          if (!entry.isDirectory() && InventoryInputs.isFragment(entry.getName())
              && !fragments.containsKey(entry.getName())) {
            String fragment = origin + "!/" + entry.getName();
            fragments.put(entry.getName(), new InventoryFragment(fragment, InventoryJson.read(zip.readAllBytes(), fragment)));
          }
        }
      } catch (EOFException e) {
        // A damaged entry header can also send the reader past the end: only a jar whose bytes
        // stop before their central directory is cut short.
        throw unreadable(origin, tail.endsWithCentralDirectory()
            ? "an entry is damaged: its header does not match its data, though the jar is complete"
            : "it ends in the middle of an entry: cut short", e);
      }
      if (!tail.endsWithCentralDirectory()) {
        throw unreadable(origin, "it ends before its central directory: cut short, or not a jar", null);
      }
    } catch (ZipException e) {
      throw unreadable(origin, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // ZipInputStream's answer to an entry name that is not UTF-8
      throw unreadable(origin, "an entry's name is not UTF-8", e);
    } catch (IOException e) {
      throw new InventoryException(origin + ": cannot be read: " + e.getMessage() + "; check the file that holds it", e);
    }
    return new ArrayList<>(fragments.values());
  }

  private static InventoryException unreadable(String origin, String why, Exception cause) {
    return new InventoryException(
        origin + ": not a readable jar (" + why + "); rebuild the archive that holds it", cause);
  }
}

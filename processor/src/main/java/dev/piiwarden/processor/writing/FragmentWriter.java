package dev.piiwarden.processor.writing;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a top-level class's inventory fragment to {@code
 * CLASS_OUTPUT/META-INF/piiwarden/types/<binary name>.json}, with that class as its only
 * originating element so that incremental builds can tell which source it came from.
 */
public final class FragmentWriter {
  private final Filer filer;
  /** Fragments on the class path by binary name; {@code exists} with no fragment when unreadable. */
  private final Map<String, Found> onClassPath = new HashMap<>();

  private record Found(boolean exists, Inventory fragment) {}

  public FragmentWriter(Filer filer) {
    this.filer = filer;
  }

  /** The resource path of a top-level class's fragment. */
  public static String path(String binaryName) {
    return InventoryInputs.FRAGMENT_FOLDER + binaryName + ".json";
  }

  /**
   * Whether a fragment of the top-level class {@code binaryName} is on the class path, written when its
   * module was compiled. A class path that cannot be read counts as holding it: the class is then
   * taken for the project's, whose methods' summaries say what they return.
   */
  public boolean onClassPath(String binaryName) {
    return lookUp(binaryName).exists();
  }

  /**
   * The fragment of the top-level class {@code binaryName} on the class path, or null when there is
   * none or it cannot be read (what it would tell is then unknown, as for a class without one).
   */
  public Inventory readFromClassPath(String binaryName) {
    return lookUp(binaryName).fragment();
  }

  /** Looks a class path fragment up and reads it, once per class. */
  private Found lookUp(String binaryName) {
    return onClassPath.computeIfAbsent(binaryName, name -> {
      try (InputStream in = filer.getResource(StandardLocation.CLASS_PATH, "", path(name)).openInputStream()) {
        return new Found(true, InventoryJson.read(in.readAllBytes(), path(name)));
      } catch (FileNotFoundException | NoSuchFileException absent) {
        return new Found(false, null);
      } catch (IOException | IllegalArgumentException | InventoryException unreadable) {
        return new Found(true, null);
      }
    });
  }

  /** Writes the fragment of {@code topLevel}. */
  public void write(TypeElement topLevel, String binaryName, Inventory fragment) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(binaryName), topLevel);
    try (OutputStream out = file.openOutputStream()) {
      out.write(InventoryJson.write(fragment).getBytes(StandardCharsets.UTF_8));
    }
  }
}

package dev.piiwarden.core.inventory;

import dev.piiwarden.core.json.IndentedJson;
import dev.piiwarden.core.json.JsonValues;
import dev.piiwarden.core.text.QuotedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes inventories as {@code piiwarden-inventory/1} JSON. Output is deterministic:
 * fixed field order, sorted lists, two-space indent, LF line ends, no timestamps.
 */
public final class InventoryJson {
  // What every inventory holds, [] when empty (SPEC §5). One lost by a damaged or hand-edited file is refused:
  // read as empty, it would turn a failing check into a pass. summaries and withoutBodyAnalysis may be left out.
  private static final List<String> REQUIRED_MEMBERS = List.of("dataElements", "activities", "flows");

  private InventoryJson() {}

  /** The inventory as JSON text, ending with a newline. */
  public static String write(Inventory inventory) {
    return IndentedJson.write(inventory) + "\n";
  }

  /** Writes the inventory to a file as UTF-8, creating parent folders. */
  public static void write(Inventory inventory, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, write(inventory), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the inventory to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an inventory file; see {@link #read(byte[], String)}. */
  public static Inventory read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new InventoryException(file + ": cannot be read: " + e.getMessage() + "; check the path and its permissions", e);
    }
  }

  /**
   * Parses an inventory or fragment.
   *
   * @param json the document's bytes (UTF-8)
   * @param origin names the input in messages, e.g. a file or {@code app.jar!/META-INF/…}
   * @throws InventoryException when it is not JSON, not an inventory, of an unknown schema, lacks one
   *     of {@code dataElements}, {@code activities} and {@code flows}, or holds a value of the wrong
   *     shape (a retention that is not a positive ISO-8601 period or duration among them)
   */
  public static Inventory read(byte[] json, String origin) {
    Object root;
    try {
      // an empty file is no inventory, as one holding another kind of JSON value is not
      root = blank(json) ? null : JsonValues.parse(json);
    } catch (IllegalArgumentException e) {
      throw new InventoryException(origin + ": " + e.getMessage() + "; regenerate it by recompiling, or remove it", e);
    }
    if (!(root instanceof Map<?, ?> document)) {
      throw new InventoryException(
          origin + ": not a PII Warden inventory, which is a JSON object; pass a class folder, a jar or an"
              + " inventory written by PII Warden");
    }
    if (!(document.get("schema") instanceof String schema)) {
      throw new InventoryException(
          origin + ": not a PII Warden inventory: it has no \"schema\" field, expected \"" + Inventory.SCHEMA
              + "\"; pass a class folder, a jar or an inventory written by PII Warden");
    }
    if (!Inventory.SCHEMA.equals(schema)) {
      throw new InventoryException(
          origin + ": its \"schema\" is not one this version reads, which is \"" + Inventory.SCHEMA
              + "\"; use the PII Warden version that wrote it, or regenerate it");
    }
    for (String member : REQUIRED_MEMBERS) {
      if (document.get(member) == null) {
        throw new InventoryException(origin + ": " + (document.containsKey(member)
            ? "bad value at " + member : "\"" + member + "\" is missing at the top level")
            + ", expected a list ([] when there are none); regenerate it by recompiling");
      }
    }
    String nullEntry = nullEntry(root, "");
    if (nullEntry != null) {
      throw new InventoryException(
          origin + ": null entry at " + nullEntry + ", expected an object or a value; regenerate it by recompiling");
    }
    // Messages name the place and what was expected, never the value found: it may be personal data.
    Inventory inventory;
    try {
      inventory = (Inventory) RecordReader.read(document, Inventory.class, "");
    } catch (RecordReader.Incomplete e) {
      throw new InventoryException(origin + ": incomplete entry at " + shown(e.path)
          + (e.missing == null ? "" : " (\"" + e.missing + "\" is missing)") + "; regenerate it by recompiling", e);
    } catch (RecordReader.BadValue e) {
      throw new InventoryException(origin + ": bad value at " + shown(e.path) + ", expected " + e.expected
          + "; regenerate it by recompiling", e);
    }
    checkRetentions(document, origin);
    return inventory;
  }

  /**
   * Refuses a retention the processor would not have written (PW005): the records of processing would
   * give it as the time limit for erasure, and {@code require-retention} rules would count it as one.
   * Runs on the document as read, whose entries the reader has accepted, so the place is the file's.
   */
  private static void checkRetentions(Map<?, ?> document, String origin) {
    List<?> elements = (List<?>) document.get("dataElements");
    for (int i = 0; i < elements.size(); i++) {
      Map<?, ?> element = (Map<?, ?>) elements.get(i);
      Object retention = element.get("retention");
      if (retention != null && !retention.toString().isEmpty() && !RetentionPeriod.valid(retention.toString())) {
        throw new InventoryException(origin + ": bad value at dataElements[" + i + "].retention (data element "
            + QuotedValue.shown(String.valueOf(element.get("id"))) + "), expected " + RetentionPeriod.EXPECTED
            + "; correct it, or regenerate it by recompiling");
      }
    }
  }

  private static boolean blank(byte[] json) {
    for (byte b : json) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The path of the first null inside a list, or null: such an entry holds nothing to read. */
  private static String nullEntry(Object node, String path) {
    if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        String at = path + "[" + i + "]";
        if (items.get(i) == null) {
          return at;
        }
        String inner = nullEntry(items.get(i), at);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node instanceof Map<?, ?> fields) {
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        String name = String.valueOf(field.getKey());
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
          continue; // not a field of the schema: ignored when read
        }
        String inner = nullEntry(field.getValue(), path.isEmpty() ? name : path + "." + name);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static String shown(String path) {
    return path.isEmpty() ? "the top level" : path;
  }
}

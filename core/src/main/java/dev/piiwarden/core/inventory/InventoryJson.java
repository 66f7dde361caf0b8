package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.piiwarden.core.json.IndentedJson;
import dev.piiwarden.core.json.JsonProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;

/**
 * Reads and writes inventories as {@code piiwarden-inventory/1} JSON. Output is deterministic:
 * fixed field order, sorted lists, two-space indent, LF line ends, no timestamps.
 */
public final class InventoryJson {
  /** Jackson reads inventories; it is set up only when one is read, as writing does without it. */
  private static final class Reading {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
  }

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
   * @throws InventoryException when it is not JSON, not an inventory, or of an unknown schema
   */
  public static Inventory read(byte[] json, String origin) {
    JsonNode root;
    try {
      root = Reading.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InventoryException(
          origin + ": " + JsonProblem.describe(e) + "; regenerate it by recompiling, or remove it", e);
    } catch (IOException e) {
      throw new InventoryException(origin + ": cannot be read: " + e.getMessage() + "; check the file", e);
    }
    if (root == null || !root.isObject()) {
      throw new InventoryException(
          origin + ": not a PII Warden inventory, which is a JSON object; pass a class folder, a jar or an"
              + " inventory written by PII Warden");
    }
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new InventoryException(
          origin + ": not a PII Warden inventory: it has no \"schema\" field, expected \"" + Inventory.SCHEMA
              + "\"; pass a class folder, a jar or an inventory written by PII Warden");
    }
    if (!Inventory.SCHEMA.equals(schema.asText())) {
      throw new InventoryException(
          origin + ": its \"schema\" is not one this version reads, which is \"" + Inventory.SCHEMA
              + "\"; use the PII Warden version that wrote it, or regenerate it");
    }
    String nullEntry = nullEntry(root, "");
    if (nullEntry != null) {
      throw new InventoryException(
          origin + ": null entry at " + nullEntry + ", expected an object or a value; regenerate it by recompiling");
    }
    // Messages name the place and what was expected, never the value found: it may be personal data.
    try {
      return Reading.MAPPER.treeToValue(root, Inventory.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String missing = cause instanceof NullPointerException && cause.getMessage() != null
          && cause.getMessage().matches("[a-z]+") ? " (\"" + cause.getMessage() + "\" is missing)" : "";
      throw new InventoryException(
          origin + ": incomplete entry at " + path(e) + missing + "; regenerate it by recompiling", e);
    } catch (MismatchedInputException e) {
      throw new InventoryException(
          origin + ": bad value at " + path(e) + ", expected " + expected(e.getTargetType())
              + "; regenerate it by recompiling", e);
    } catch (JsonMappingException e) {
      throw new InventoryException(
          origin + ": bad value at " + path(e) + "; regenerate it by recompiling", e);
    } catch (JsonProcessingException e) {
      throw new InventoryException(origin + ": cannot be read as an inventory; regenerate it by recompiling", e);
    }
  }

  /** The path of the first null inside a list, or null: such an entry holds nothing to read. */
  private static String nullEntry(JsonNode node, String path) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = path + "[" + i + "]";
        if (node.get(i).isNull()) {
          return at;
        }
        String inner = nullEntry(node.get(i), at);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isObject()) {
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        if (!field.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
          continue; // not a field of the schema: ignored when read
        }
        String inner = nullEntry(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** What a field of this type holds, in words: "one of FIELD, METHOD, …", "a whole number", "a list". */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ",
          Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }
}

package dev.piiwarden.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.text.EditDistance;
import dev.piiwarden.core.text.FieldName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one object of a configuration tree (parsed from JSON or YAML by the caller),
 * refusing unknown fields with the closest known one: a mistyped field silently ignored would turn
 * a rule or a setting off.
 */
public final class ConfigFields {
  private final JsonNode node;
  private final String where;

  private ConfigFields(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /**
   * The fields of {@code node}, which must be an object holding only {@code known} fields.
   *
   * @param where names the object in messages, e.g. {@code policy.yaml: rule 'no-card-in-logs'}
   * @throws ConfigException when it is not an object or has an unknown field
   */
  public static ConfigFields of(JsonNode node, String where, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw new ConfigException(where + ": expected an object with fields " + String.join(", ", sorted(known)));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = EditDistance.closest(name, known);
        throw new ConfigException(
            where + ": unknown field " + FieldName.shown(name, '\'')
                + (hint == null ? "" : "; did you mean '" + hint + "'?")
                + "; the known fields are " + String.join(", ", sorted(known)));
      }
    }
    return new ConfigFields(node, where);
  }

  /** Where this object is, for messages. */
  public String where() {
    return where;
  }

  /** Whether the field is present and not null. */
  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** The field's node, or null. */
  public JsonNode node(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** A text field, or null when absent. */
  public String text(String field) {
    JsonNode value = node(field);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw new ConfigException(where + ": field '" + field + "' must be a text value");
    }
    return value.asText();
  }

  /** A required text field. */
  public String requiredText(String field) {
    String value = text(field);
    if (value == null || value.isBlank()) {
      throw new ConfigException(where + ": field '" + field + "' is required; add it");
    }
    return value;
  }

  /** A list of texts; a single text counts as a list of one; absent is empty. */
  public List<String> texts(String field) {
    JsonNode value = node(field);
    List<String> texts = new ArrayList<>();
    if (value == null) {
      return texts;
    }
    if (value.isValueNode()) {
      texts.add(value.asText());
      return texts;
    }
    if (!value.isArray()) {
      throw new ConfigException(where + ": field '" + field + "' must be a list of texts");
    }
    for (JsonNode item : value) {
      if (!item.isValueNode()) {
        throw new ConfigException(where + ": field '" + field + "' must be a list of texts");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  /** The objects of a list field, absent is empty. */
  public List<JsonNode> objects(String field) {
    JsonNode value = node(field);
    List<JsonNode> objects = new ArrayList<>();
    if (value == null) {
      return objects;
    }
    if (!value.isArray()) {
      throw new ConfigException(where + ": field '" + field + "' must be a list");
    }
    value.forEach(objects::add);
    return objects;
  }

  private static List<String> sorted(Set<String> known) {
    return known.stream().sorted().toList();
  }
}

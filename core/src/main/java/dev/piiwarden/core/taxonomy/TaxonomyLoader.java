package dev.piiwarden.core.taxonomy;

import dev.piiwarden.core.files.BundledResources;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.json.JsonProblem;
import dev.piiwarden.core.json.JsonValues;
import dev.piiwarden.core.text.FieldName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the shipped fideslang data and organisations' extension files. */
final class TaxonomyLoader {
  private static final String RESOURCES = "/dev/piiwarden/core/taxonomy/";
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final Set<String> EXTENSION_SECTIONS = Set.of("categories", "purposes", "subjects");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("key", "parent", "name", "description", "special", "sensitive");
  /** Jackson reads extension files only: the built-in data is read without it (see {@link JsonValues}). */
  private static final class Extension {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private TaxonomyLoader() {}

  static Map<TaxonomyKind, Map<String, TaxonomyEntry>> loadBuiltIn() {
    Map<TaxonomyKind, Map<String, TaxonomyEntry>> raw = new EnumMap<>(TaxonomyKind.class);
    raw.put(TaxonomyKind.CATEGORY, readFideslang("data_categories.json", "data_category", TaxonomyKind.CATEGORY));
    raw.put(TaxonomyKind.PURPOSE, readFideslang("data_uses.json", "data_use", TaxonomyKind.PURPOSE));
    raw.put(TaxonomyKind.SUBJECT, readFideslang("data_subjects.json", "data_subject", TaxonomyKind.SUBJECT));
    return withFlags(raw, readKeyList("special-categories.txt"), readKeyList("sensitive-categories.txt"));
  }

  static Map<TaxonomyKind, Map<String, TaxonomyEntry>> extend(
      Map<TaxonomyKind, Map<String, TaxonomyEntry>> base, Path file) {
    JsonNode root;
    try {
      root = Extension.MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new TaxonomyException(file + ": taxonomy extension file not found; check the path given"
          + " (piiwarden --taxonomy, the agent's and processor's piiwarden.taxonomy)");
    } catch (JsonProcessingException e) {
      throw new TaxonomyException(file + ": " + JsonProblem.describe(e) + "; fix the taxonomy extension file");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "it is a folder"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new TaxonomyException(file + ": cannot read the taxonomy extension file (" + reason
          + "); pass a readable JSON file (piiwarden --taxonomy, the agent's and processor's"
          + " piiwarden.taxonomy)", e);
    }
    if (root == null || !root.isObject()) {
      throw new TaxonomyException(
          file + ": a taxonomy extension must be a JSON object with \"categories\", \"purposes\" or"
              + " \"subjects\"; fix the taxonomy extension file");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!EXTENSION_SECTIONS.contains(name)) {
        throw new TaxonomyException(
            file + ": unknown section " + FieldName.shown(name, '"') + "; allowed are \"categories\", \"purposes\" and \"subjects\"");
      }
    }
    Map<TaxonomyKind, Map<String, TaxonomyEntry>> merged = new EnumMap<>(TaxonomyKind.class);
    Map<TaxonomyKind, Map<String, TaxonomyEntry>> added = new EnumMap<>(TaxonomyKind.class);
    Set<String> special = new HashSet<>();
    Set<String> sensitive = new HashSet<>();
    for (TaxonomyKind kind : TaxonomyKind.values()) {
      Map<String, TaxonomyEntry> entries = new LinkedHashMap<>(base.get(kind));
      Map<String, TaxonomyEntry> fresh = new LinkedHashMap<>();
      JsonNode section = root.get(kind.plural());
      if (section != null && !section.isArray()) {
        throw new TaxonomyException(file + ": \"" + kind.plural() + "\" must be an array of entries");
      }
      int index = 0;
      for (JsonNode node : section == null ? List.<JsonNode>of() : section) {
        String where = file + ": " + kind.plural() + "[" + index++ + "]";
        TaxonomyEntry entry = extensionEntry(where, kind, node);
        if (entries.containsKey(entry.key()) || fresh.containsKey(entry.key())) {
          throw new TaxonomyException(
              where + ": its \"key\" is already defined; choose a new key");
        }
        fresh.put(entry.key(), entry);
        if (entry.special()) {
          special.add(entry.key());
        }
        if (entry.sensitive()) {
          sensitive.add(entry.key());
        }
      }
      entries.putAll(fresh);
      merged.put(kind, entries);
      added.put(kind, fresh);
    }
    checkParents(file, merged, added);
    for (TaxonomyEntry entry : base.get(TaxonomyKind.CATEGORY).values()) {
      if (entry.special()) {
        special.add(entry.key());
      }
      if (entry.sensitive()) {
        sensitive.add(entry.key());
      }
    }
    return withFlags(merged, special, sensitive);
  }

  private static TaxonomyEntry extensionEntry(String where, TaxonomyKind kind, JsonNode node) {
    if (!node.isObject()) {
      throw new TaxonomyException(where + ": must be an object with \"key\", \"parent\", \"name\", \"description\"");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ENTRY_FIELDS.contains(name)) {
        throw new TaxonomyException(where + ": unknown field " + FieldName.shown(name, '"') + "; allowed are "
            + String.join(", ", new java.util.TreeSet<>(ENTRY_FIELDS)));
      }
    }
    String key = text(node, "key");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new TaxonomyException(
          where + ": \"key\" must be a dotted lower-case key such as \"user.contact.badge_id\""
              + (key == null ? ", and there is none" : "") + "; fix the taxonomy extension file");
    }
    String parent = text(node, "parent");
    if (parent == null) {
      parent = Taxonomy.dottedParent(key);
    }
    boolean flagsAllowed = kind == TaxonomyKind.CATEGORY;
    boolean special = node.path("special").asBoolean(false);
    boolean sensitive = node.path("sensitive").asBoolean(false);
    if (!flagsAllowed && (node.has("special") || node.has("sensitive"))) {
      throw new TaxonomyException(where + ": \"special\" and \"sensitive\" apply to categories only");
    }
    return new TaxonomyEntry(kind, key, parent, text(node, "name"), text(node, "description"), special, sensitive);
  }

  private static void checkParents(
      Path file,
      Map<TaxonomyKind, Map<String, TaxonomyEntry>> merged,
      Map<TaxonomyKind, Map<String, TaxonomyEntry>> added) {
    for (TaxonomyKind kind : TaxonomyKind.values()) {
      Map<String, TaxonomyEntry> known = merged.get(kind);
      int index = 0;
      for (TaxonomyEntry entry : added.get(kind).values()) {
        String where = file + ": " + kind.plural() + "[" + index++ + "]"; // entries in file order
        if (entry.parent() != null && !known.containsKey(entry.parent())) {
          // never the entry itself or a key below it, which its parent cannot be
          Set<String> candidates = new HashSet<>(known.keySet());
          candidates.removeIf(k -> k.equals(entry.key()) || k.startsWith(entry.key() + "."));
          String hint = KeySuggester.closest(entry.parent(), candidates)
              .map(s -> " (did you mean \"" + s + "\"?)")
              .orElse("");
          throw new TaxonomyException(
              where + ": its \"parent\" is not a known " + kind.singular() + hint
                  + "; declare the parent first or fix the key");
        }
        Set<String> ancestors = new HashSet<>();
        for (String key = entry.parent(); key != null; key = known.get(key) == null ? null : known.get(key).parent()) {
          if (key.equals(entry.key()) || !ancestors.add(key)) {
            throw new TaxonomyException(where + ": its \"parent\" leads back to it (a "
                + kind.singular() + " cannot be its own ancestor); give it a parent above it");
          }
        }
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Resolves each category's flags through its ancestors. */
  private static Map<TaxonomyKind, Map<String, TaxonomyEntry>> withFlags(
      Map<TaxonomyKind, Map<String, TaxonomyEntry>> raw, Set<String> special, Set<String> sensitive) {
    Map<String, TaxonomyEntry> categories = raw.get(TaxonomyKind.CATEGORY);
    Map<String, TaxonomyEntry> flagged = new LinkedHashMap<>();
    for (TaxonomyEntry entry : categories.values()) {
      boolean isSpecial = false;
      boolean isSensitive = false;
      int guard = categories.size() + 1;
      for (String key = entry.key(); key != null && guard-- > 0; ) {
        isSpecial |= special.contains(key);
        isSensitive |= sensitive.contains(key);
        TaxonomyEntry current = categories.get(key);
        key = current == null ? null : current.parent();
      }
      flagged.put(entry.key(), new TaxonomyEntry(entry.kind(), entry.key(), entry.parent(),
          entry.name(), entry.description(), isSpecial, isSensitive || isSpecial));
    }
    Map<TaxonomyKind, Map<String, TaxonomyEntry>> result = new EnumMap<>(raw);
    result.put(TaxonomyKind.CATEGORY, flagged);
    return result;
  }

  private static Map<String, TaxonomyEntry> readFideslang(String file, String section, TaxonomyKind kind) {
    Object root;
    try (InputStream in = resource(file)) {
      root = JsonValues.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("The built-in taxonomy " + file + " cannot be read", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The built-in taxonomy " + file + " is damaged: " + e.getMessage(), e);
    }
    Map<String, TaxonomyEntry> entries = new LinkedHashMap<>();
    if (root instanceof Map<?, ?> document && document.get(section) instanceof List<?> nodes) {
      for (Object node : nodes) {
        if (node instanceof Map<?, ?> fields && fields.get("fides_key") instanceof String key) {
          entries.put(key, new TaxonomyEntry(kind, key, text(fields, "parent_key"),
              text(fields, "name"), text(fields, "description"), false, false));
        }
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalStateException("The built-in taxonomy " + file + " holds no \"" + section + "\" entries");
    }
    return entries;
  }

  private static String text(Map<?, ?> fields, String field) {
    return fields.get(field) instanceof String value ? value : null;
  }

  private static Set<String> readKeyList(String file) {
    List<String> keys = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(resource(file), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          keys.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The built-in list " + file + " cannot be read", e);
    }
    return Set.copyOf(keys);
  }

  private static InputStream resource(String file) {
    String path = file.endsWith(".json") ? RESOURCES + "fideslang/" + file : RESOURCES + file;
    InputStream in;
    try {
      in = BundledResources.open(TaxonomyLoader.class, path);
    } catch (IOException e) {
      throw new UncheckedIOException("piiwarden-core cannot read its resource " + path, e);
    }
    if (in == null) {
      throw new IllegalStateException("piiwarden-core is missing its resource " + path);
    }
    return in;
  }
}

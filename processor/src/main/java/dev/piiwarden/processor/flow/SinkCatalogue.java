package dev.piiwarden.processor.flow;

import dev.piiwarden.core.files.BundledResources;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.json.JsonProblem;
import dev.piiwarden.core.json.JsonValues;
import dev.piiwarden.core.text.EditDistance;
import dev.piiwarden.core.text.FieldName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sinks known to the analysis: the built-in catalogue ({@code sinks.json} next to this class)
 * plus, optionally, a file of the same format named by {@code piiwarden.sinks}. Read once per
 * compilation.
 */
public final class SinkCatalogue {
  static final String BUILT_IN = "sinks.json";

  /**
   * Jackson reads the file of extra sinks, and only it: its messages say in detail what is wrong in
   * a file a user wrote. The built-in catalogue is read without it ({@link JsonValues}).
   */
  private static final class Extra {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private final List<SinkDefinition> definitions;
  private final String file;
  private final List<SinkDefinition> added;

  private SinkCatalogue(List<SinkDefinition> definitions, String file, List<SinkDefinition> added) {
    this.definitions = List.copyOf(definitions);
    this.file = file;
    this.added = List.copyOf(added);
  }

  /** The entries, built-in first. */
  public List<SinkDefinition> definitions() {
    return definitions;
  }

  /** The name of the file of extra sinks, or null without one. */
  public String file() {
    return file;
  }

  /** The entries of the file of extra sinks, in its order ({@code sinks[i]}). */
  public List<SinkDefinition> added() {
    return added;
  }

  /**
   * The built-in catalogue, extended by {@code extra} when not null.
   *
   * @throws SinkCatalogueException when the extra file cannot be read or is not in the format
   */
  public static SinkCatalogue load(Path extra) {
    List<SinkDefinition> all = new ArrayList<>();
    try (InputStream in = BundledResources.open(SinkCatalogue.class, BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in sink catalogue " + BUILT_IN + " is missing");
      }
      all.addAll(parse(JsonValues.parse(in.readAllBytes()), "the built-in sink catalogue"));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("the built-in sink catalogue cannot be read: " + e.getMessage(), e);
    }
    String name = null;
    List<SinkDefinition> added = List.of();
    if (extra != null) {
      name = extra.getFileName() == null ? extra.toString() : extra.getFileName().toString();
      Object root;
      try {
        root = Extra.JSON.readValue(Files.readAllBytes(extra), Object.class);
      } catch (JsonProcessingException e) {
        throw new SinkCatalogueException(name + " is not valid JSON (" + JsonProblem.describe(e) + ")");
      } catch (IOException e) {
        throw new SinkCatalogueException(name + " is not readable (" + firstLine(e.getMessage()) + ")");
      }
      added = parse(root, name);
      all.addAll(added);
    }
    return new SinkCatalogue(all, name, added);
  }

  /** The fields of one sink entry. */
  private static final Set<String> FIELDS =
      Set.of("kind", "type", "methods", "receiver", "stream", "returnedBy", "handlers", "valuesOnly", "fieldsOf", "argumentsOf",
          "skips", "keeps");
  /** The fields of an entry for what annotated methods return. */
  private static final Set<String> RETURNED_FIELDS = Set.of("kind", "returnedBy", "handlers", "skips", "keeps");

  private static List<SinkDefinition> parse(Object root, String file) {
    if (!(root instanceof Map<?, ?> document) || !(document.get("sinks") instanceof List<?> sinks)) {
      // PW020 shows the format after this
      throw new SinkCatalogueException(file + " has no \"sinks\" array");
    }
    onlyKnownFields(document, Set.of("sinks"), file);
    List<SinkDefinition> definitions = new ArrayList<>();
    int index = 0;
    for (Object entry : sinks) {
      String where = file + ", sinks[" + index++ + "]";
      if (!(entry instanceof Map<?, ?> sink)) {
        throw new SinkCatalogueException(where + " is not an object");
      }
      onlyKnownFields(sink, FIELDS, where);
      String kind = text(sink, "kind", where);
      SinkKind sinkKind;
      try {
        sinkKind = SinkKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SinkCatalogueException(where + ": unknown kind \"" + kind + "\"; use one of "
            + List.of(SinkKind.values()));
      }
      if (sink.containsKey("returnedBy")) {
        onlyWith(sink, "returnedBy", RETURNED_FIELDS, where);
        definitions.add(SinkDefinition.returnedBy(sinkKind, text(sink, "returnedBy", where),
            texts(sink, "handlers", where, false), skips(sink, where)));
        continue;
      }
      if (sink.containsKey("fieldsOf")) {
        onlyWith(sink, "fieldsOf", Set.of("kind", "fieldsOf", "valuesOnly"), where);
        definitions.add(SinkDefinition.fieldsOf(sinkKind, text(sink, "fieldsOf", where), flag(sink, "valuesOnly", where)));
        continue;
      }
      if (sink.containsKey("argumentsOf")) {
        onlyWith(sink, "argumentsOf", Set.of("kind", "argumentsOf", "valuesOnly", "methods"), where);
        List<String> methods = texts(sink, "methods", where, false);
        for (String method : methods) {
          int star = method.indexOf('*');
          if (star >= 0 && star != method.length() - 1) {
            throw new SinkCatalogueException(where + ": \"" + method + "\": a \"*\" may only end a method name"
                + " (\"insert*\" for every method whose name starts with \"insert\")");
          }
        }
        definitions.add(SinkDefinition.argumentsOf(sinkKind, text(sink, "argumentsOf", where),
            flag(sink, "valuesOnly", where), methods));
        continue;
      }
      if (sink.containsKey("handlers")) {
        throw new SinkCatalogueException(where + ": \"handlers\" goes only with \"returnedBy\"");
      }
      String type = text(sink, "type", where);
      List<String> methods = texts(sink, "methods", where, true);
      for (String method : methods) {
        if (method.contains("*")) {
          throw new SinkCatalogueException(where + ": \"" + method + "\": a \"*\" in a method name goes only"
              + " with \"argumentsOf\"; name each method of \"type\" in full");
        }
      }
      List<String> receivers = texts(sink, "receiver", where, false);
      definitions.add(new SinkDefinition(sinkKind, type, methods, receivers, flag(sink, "stream", where),
          false, List.of(), flag(sink, "valuesOnly", where), false, false, skips(sink, where)));
    }
    return definitions;
  }

  /** An entry's {@code skips}: the members of an object handed whole that its sink leaves out. */
  private static SkippedMembers skips(Map<?, ?> sink, String where) {
    List<String> rules = texts(sink, "skips", where, false);
    List<String> keeps = texts(sink, "keeps", where, false);
    if (rules.isEmpty() && !keeps.isEmpty()) {
      throw new SinkCatalogueException(where + ": \"keeps\" goes only with \"skips\"");
    }
    for (String field : List.of("skips", "keeps")) {
      for (String rule : field.equals("skips") ? rules : keeps) {
        SkippedMembers.problem(rule).ifPresent(problem -> {
          throw new SinkCatalogueException(where + ": \"" + field + "\": " + problem);
        });
      }
    }
    return rules.isEmpty() ? SkippedMembers.NONE : new SkippedMembers(rules, keeps);
  }

  /** An entry that names an annotation ({@code key}) names nothing but {@code allowed}. */
  private static void onlyWith(Map<?, ?> sink, String key, Set<String> allowed, String where) {
    for (Object name : sink.keySet()) {
      if (!allowed.contains(name)) {
        throw new SinkCatalogueException(where + ": \"" + name + "\" does not go with \"" + key + "\";"
            + " an entry names either an annotation (\"" + key + "\") or a type and its methods");
      }
    }
  }

  /** A misspelt field would otherwise be left out in silence ({@code "recevier"} for {@code "receiver"}). */
  private static void onlyKnownFields(Map<?, ?> node, Set<String> known, String where) {
    for (Object key : node.keySet()) {
      String name = String.valueOf(key);
      if (!known.contains(name)) {
        String closest = EditDistance.closest(name, known);
        throw new SinkCatalogueException(where + ": unknown field " + FieldName.shown(name, '"')
            + (closest == null ? "" : "; did you mean \"" + closest + "\"?")
            + "; the fields are " + known.stream().sorted().toList());
      }
    }
  }

  /** An optional {@code true} or {@code false}; absent is false. */
  private static boolean flag(Map<?, ?> sink, String field, String where) {
    Object value = sink.get(field);
    if (sink.containsKey(field) && !(value instanceof Boolean)) {
      throw new SinkCatalogueException(where + ": \"" + field + "\" must be true or false");
    }
    return Boolean.TRUE.equals(value);
  }

  private static String text(Map<?, ?> sink, String field, String where) {
    if (!(sink.get(field) instanceof String value) || value.isBlank()) {
      throw new SinkCatalogueException(where + ": \"" + field + "\" must be a non-empty string");
    }
    return value;
  }

  private static List<String> texts(Map<?, ?> sink, String field, String where, boolean required) {
    if (!sink.containsKey(field) && !required) {
      return List.of();
    }
    if (!(sink.get(field) instanceof List<?> value) || value.isEmpty()) {
      throw new SinkCatalogueException(where + ": \"" + field + "\" must be a non-empty array of names");
    }
    List<String> names = new ArrayList<>();
    for (Object item : value) {
      if (!(item instanceof String name) || name.isBlank()) {
        throw new SinkCatalogueException(where + ": \"" + field + "\" must hold only non-empty strings");
      }
      names.add(name);
    }
    return names;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

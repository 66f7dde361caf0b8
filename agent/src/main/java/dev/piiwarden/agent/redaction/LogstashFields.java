package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * logstash-logback-encoder's markers and structured arguments ({@code Markers.append("email", v)},
 * {@code StructuredArguments.kv("email", v)}, {@code entries(map)}, {@code fields(object)}, {@code
 * raw(...)}, and the markers referenced by {@code and(...)}), which its JSON encoder writes as
 * fields of their own, from the event's markers and from its argument array. Each is kept as it
 * is when it holds no personal data, so its fields are written as before; otherwise it is
 * replaced by a marker of the same kind, for the same field, whose value is redacted:
 *
 * <ul>
 *   <li>text, numbers and other scalars as a key-value pair's value ({@link LogText#value}: the
 *       whole value of a credential key);
 *   <li>an object, collection or map as the JSON the application's Jackson makes of it (the
 *       {@code ObjectMapper} of the encoder's class loader, with its modules), text redacted, and
 *       the {@code @PersonalData} members of an annotated object given their redaction, read back
 *       as plain maps, lists and values; an object
 *       that holds annotated objects deeper down, or whose annotated members are not fields of its
 *       JSON, or whose redacted JSON cannot be read back, becomes its log-safe rendering as a
 *       string;
 *   <li>{@code fields(object)} as entries of the same JSON fields;
 *   <li>raw JSON as redacted text.
 * </ul>
 *
 * A deferred marker is resolved (once: the marker keeps what it supplied). Marker types of other
 * packages are left to the caller. Members are found by reflection once per class.
 */
final class LogstashFields {
  private static final String MARKERS = "net.logstash.logback.marker.";
  /** How deep references of references are followed. */
  private static final int MAX_DEPTH = 8;

  private static final ClassValue<Members> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
          return new Members(type);
        }
      };

  private final LogText text;

  LogstashFields(LogText text) {
    this.text = text;
  }

  /** Whether {@code value} is one of logstash-logback-encoder's markers (every structured argument is one). */
  static boolean isMarker(Object value) {
    return value != null && value.getClass().getName().startsWith(MARKERS);
  }

  /**
   * {@code marker} when it holds no personal data, else its redacted replacement.
   *
   * @throws ReflectiveOperationException when a marker of this version cannot be read or made
   */
  Object redact(Object marker) throws ReflectiveOperationException {
    return redact(marker, 0);
  }

  private Object redact(Object marker, int depth) throws ReflectiveOperationException {
    Members members = MEMBERS.get(marker.getClass());
    if (members.problem != null) {
      throw members.problem;
    }
    Object own = own(marker, members);
    List<Object> references = new ArrayList<>();
    boolean changed = own != marker;
    if (depth < MAX_DEPTH && marker instanceof Iterable) {
      for (Object reference : (Iterable<?>) marker) {
        Object redacted = isMarker(reference) ? redact(reference, depth + 1) : reference;
        changed |= redacted != reference;
        references.add(redacted);
      }
    }
    if (!changed) {
      return marker;
    }
    // a new marker: the redacted own field (or a copy of the unchanged one), then the references
    Object replacement = own != marker ? own : bare(marker, members);
    Method add = MEMBERS.get(replacement.getClass()).add;
    for (Object reference : references) {
      add.invoke(replacement, reference);
    }
    return replacement;
  }

  /**
   * A marker of {@code marker}'s kind with its own values and no references; a named or empty
   * marker, or a deferred one (its supplied marker added), becomes an empty logstash marker.
   */
  private static Object bare(Object marker, Members members) throws ReflectiveOperationException {
    switch (members.kind) {
      case OBJECT:
      case RAW:
        return construct(members.make, members.fieldName.get(marker), members.value.get(marker),
            members.pattern.get(marker));
      case MAP:
        return construct(members.make, members.value.get(marker));
      case FIELDS:
        return construct(members.same, members.value.get(marker));
      case DEFERRED: {
        Object empty = construct(members.empty);
        Object supplied = members.supplied.invoke(marker);
        if (supplied != null) {
          members.add.invoke(empty, supplied);
        }
        return empty;
      }
      default:
        return construct(members.empty);
    }
  }

  /** The marker's own field redacted: the marker itself when it holds nothing. */
  private Object own(Object marker, Members members) throws ReflectiveOperationException {
    switch (members.kind) {
      case OBJECT: {
        String name = (String) members.fieldName.get(marker);
        Object value = members.value.get(marker);
        Object redacted = value(members, name, value);
        return redacted == value ? marker
            : construct(members.make, name, redacted, members.pattern.get(marker));
      }
      case RAW: {
        String raw = (String) members.value.get(marker);
        String redacted = raw == null ? null : text.text(raw);
        return redacted == raw ? marker
            : construct(members.make, members.fieldName.get(marker), redacted, members.pattern.get(marker));
      }
      case MAP: {
        Map<?, ?> map = (Map<?, ?>) members.value.get(marker);
        Map<Object, Object> redacted = entries(members, map);
        return redacted == null ? marker : construct(members.make, redacted);
      }
      case FIELDS: {
        Map<Object, Object> fields = fields(members, members.value.get(marker));
        return fields == null ? marker : construct(members.make, fields);
      }
      case DEFERRED: {
        Object supplied = members.supplied.invoke(marker);
        if (supplied == null || !isMarker(supplied)) {
          return marker;
        }
        Object redacted = redact(supplied, 1);
        return redacted == supplied ? marker : redacted;
      }
      default:
        return marker;
    }
  }

  private Map<Object, Object> entries(Members members, Map<?, ?> map) throws ReflectiveOperationException {
    if (map == null || map.isEmpty()) {
      return null;
    }
    Map<Object, Object> redacted = null;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object value = entry.getValue();
      Object replacement = value(members, String.valueOf(entry.getKey()), value);
      if (replacement != value && redacted == null) {
        redacted = new LinkedHashMap<>(map);
      }
      if (redacted != null) {
        redacted.put(entry.getKey(), replacement);
      }
    }
    return redacted;
  }

  /** {@code fields(object)}: null when it holds nothing, else the redacted fields as entries. */
  private Map<Object, Object> fields(Members members, Object object) throws ReflectiveOperationException {
    if (object == null) {
      return null;
    }
    Object redacted = value(members, null, object);
    if (redacted == object) {
      return null;
    }
    Map<Object, Object> fields = new LinkedHashMap<>();
    if (redacted instanceof Map) {
      fields.putAll((Map<?, ?>) redacted);
    } else {
      // the rendering, or JSON that is no object: one entry under the class's name
      fields.put(simpleName(object.getClass()), redacted);
    }
    return fields;
  }

  /** A field's value redacted: the same value when it holds nothing. */
  private Object value(Members members, String key, Object value) throws ReflectiveOperationException {
    if (value == null) {
      return null;
    }
    if (value instanceof String || LogText.isScalar(value)) {
      return key == null ? text.argument(value) : text.value(key, value);
    }
    Map<String, String> annotated = text.renderedMembers(value);
    if (annotated.isEmpty() && text.holdsPersonalMembers(value)) {
      return text.render(value);
    }
    Json json = members.json();
    try {
      Object tree = json.valueToTree.invoke(json.mapper, value);
      if (!annotated.isEmpty() && !json.annotatedMembersReplaced(tree, annotated)) {
        return text.render(value); // an annotated member that is no field of its JSON: nothing to keep
      }
      String written = (String) json.write.invoke(json.mapper, tree);
      String redacted = text.text(written);
      if (redacted == written && annotated.isEmpty()) {
        return value;
      }
      // plain maps, lists, strings and numbers: written alike by any generator the encoder uses
      return json.read.invoke(json.mapper, redacted, Object.class);
    } catch (InvocationTargetException failure) {
      // Jackson could not write the value, or read back its redacted JSON (a number masked)
      return text.render(value);
    }
  }

  private static Object construct(Constructor<?> make, Object... arguments) throws ReflectiveOperationException {
    return make.newInstance(arguments);
  }

  private static String simpleName(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty() ? type.getName() : simple;
  }

  /** What a marker is, by its class or its nearest logstash superclass. */
  private enum Kind {
    OBJECT, RAW, MAP, FIELDS, DEFERRED, OTHER
  }

  /** The members of one marker class, found once. */
  private static final class Members {
    final Class<?> type;
    Kind kind = Kind.OTHER;
    ReflectiveOperationException problem;
    Field fieldName;
    Field pattern;
    Field value;
    Method supplied;
    Method add;
    Constructor<?> make;
    /** For {@code fields(object)}: its own constructor, {@link #make} being the entries marker's. */
    Constructor<?> same;
    Constructor<?> empty;
    private volatile Json json;

    Members(Class<?> type) {
      this.type = type;
      try {
        add = ReflectiveAccess.method(type, "add", ReflectiveAccess.sibling(type, "org.slf4j.Marker"));
        empty = ReflectiveAccess.sibling(type, MARKERS + "EmptyLogstashMarker").getConstructor();
        switch (type.getName().substring(MARKERS.length())) {
          case "ObjectAppendingMarker":
            kind = Kind.OBJECT;
            single("fieldValue", Object.class);
            break;
          case "RawJsonAppendingMarker":
            kind = Kind.RAW;
            single("rawJson", String.class);
            break;
          case "MapEntriesAppendingMarker":
            kind = Kind.MAP;
            value = ReflectiveAccess.field(type, "map");
            make = type.getConstructor(Map.class);
            break;
          case "ObjectFieldsAppendingMarker":
            kind = Kind.FIELDS;
            value = ReflectiveAccess.field(type, "object");
            same = type.getConstructor(Object.class);
            make = ReflectiveAccess.sibling(type, MARKERS + "MapEntriesAppendingMarker").getConstructor(Map.class);
            break;
          case "DeferredLogstashMarker":
            kind = Kind.DEFERRED;
            supplied = type.getDeclaredMethod("getSuppliedValue");
            supplied.setAccessible(true);
            break;
          default:
            break;
        }
      } catch (ReflectiveOperationException e) {
        problem = e;
      } catch (RuntimeException e) {
        problem = new ReflectiveOperationException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }

    private void single(String valueField, Class<?> valueType) throws ReflectiveOperationException {
      fieldName = ReflectiveAccess.field(type, "fieldName");
      pattern = ReflectiveAccess.field(type, "messageFormatPattern");
      value = ReflectiveAccess.field(type, valueField);
      make = type.getConstructor(String.class, valueType, String.class);
    }

    Json json() throws ReflectiveOperationException {
      Json current = json;
      if (current == null) {
        current = new Json(type);
        json = current;
      }
      return current;
    }
  }

  /** The application's Jackson, from the encoder's class loader, with the modules it finds. */
  private static final class Json {
    final Object mapper;
    final Method valueToTree;
    final Method write;
    final Method read;
    final Method isObject;
    final Method has;
    final Method remove;
    final Method put;

    Json(Class<?> marker) throws ReflectiveOperationException {
      Class<?> mapperType = ReflectiveAccess.sibling(marker, "com.fasterxml.jackson.databind.ObjectMapper");
      Class<?> node = ReflectiveAccess.sibling(marker, "com.fasterxml.jackson.databind.JsonNode");
      Class<?> objectNode = ReflectiveAccess.sibling(marker, "com.fasterxml.jackson.databind.node.ObjectNode");
      mapper = mapperType.getConstructor().newInstance();
      try {
        mapperType.getMethod("findAndRegisterModules").invoke(mapper);
      } catch (InvocationTargetException | RuntimeException | LinkageError unusable) {
        // the mapper without modules: a value it cannot write is written as its rendering
        AgentReport.once("logstash-jackson-modules", "could not register the Jackson modules on the"
            + " class path (" + AgentReport.describe(unusable) + "); logstash-logback-encoder fields whose"
            + " values need them are written as their log-safe text");
      }
      valueToTree = mapperType.getMethod("valueToTree", Object.class);
      write = mapperType.getMethod("writeValueAsString", Object.class);
      read = mapperType.getMethod("readValue", String.class, Class.class);
      isObject = node.getMethod("isObject");
      has = node.getMethod("has", String.class);
      remove = objectNode.getMethod("remove", String.class);
      put = objectNode.getMethod("put", String.class, String.class);
    }

    /**
     * Puts each annotated member's rendering in place of its field in an object's JSON tree (an
     * OMIT member's field removed); false when the tree is no object or a member with a value has
     * no field of its name.
     */
    boolean annotatedMembersReplaced(Object tree, Map<String, String> annotated) throws ReflectiveOperationException {
      if (!(Boolean) isObject.invoke(tree)) {
        return false;
      }
      for (Map.Entry<String, String> member : annotated.entrySet()) {
        boolean present = (Boolean) has.invoke(tree, member.getKey());
        String rendered = member.getValue();
        if (!present) {
          if (rendered != null && !rendered.equals("null")) {
            return false;
          }
        } else if (rendered == null) {
          remove.invoke(tree, member.getKey());
        } else if (!rendered.equals("null")) {
          put.invoke(tree, member.getKey(), rendered);
        }
      }
      return true;
    }
  }
}

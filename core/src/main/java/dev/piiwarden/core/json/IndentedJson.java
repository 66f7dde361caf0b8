package dev.piiwarden.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes records, lists, maps, enums, strings, numbers and booleans as indented JSON, the layout
 * of PII Warden's inventories: two-space indents, {@code "key" : value}, {@code [ ]} and {@code { }}
 * when empty. Record components are written in declaration order; null ones are left out, and so
 * are those annotated {@code @JsonInclude(NON_EMPTY)} when empty and {@code
 * @JsonInclude(NON_DEFAULT)} when false or zero. Map entries are written in key order, their null
 * values left out. Strings are escaped as JSON requires and no further: {@code \" \\ \b \t \n \f
 * \r}, other control characters as {@code \\u00XX}.
 *
 * <p>Jackson's data binding wrote the same text; it is not used here because its start-up (class
 * loading, reflection, the JIT compiling it) costs a fresh JVM several tenths of a second of CPU,
 * paid by every compilation the annotation processor runs in.
 */
public final class IndentedJson {
  private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
    @Override
    protected List<Component> computeValue(Class<?> type) {
      List<Component> components = new ArrayList<>();
      for (RecordComponent component : type.getRecordComponents()) {
        component.getAccessor().setAccessible(true);
        // on the accessor: @JsonInclude does not target record components, so javac puts it there
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        components.add(new Component(component, include == null ? JsonInclude.Include.NON_NULL : include.value()));
      }
      return List.copyOf(components);
    }
  };

  private record Component(RecordComponent component, JsonInclude.Include include) {
    Object read(Object record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getDeclaringRecord().getName() + "."
            + component.getName(), e);
      }
    }

    boolean leftOut(Object value) {
      return value == null
          || include == JsonInclude.Include.NON_EMPTY && isEmpty(value)
          || include == JsonInclude.Include.NON_DEFAULT && (Boolean.FALSE.equals(value) || isZero(value));
    }
  }

  private IndentedJson() {}

  /** {@code value} as JSON text, without a final line end. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(1024);
    value(out, value, 0);
    return out.toString();
  }

  private static void value(StringBuilder out, Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(out, text);
    } else if (value instanceof Enum<?> constant) {
      string(out, constant.name());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Collection<?> items) {
      array(out, items, depth);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, depth);
    } else if (value.getClass().isRecord()) {
      record(out, value, depth);
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void array(StringBuilder out, Collection<?> items, int depth) {
    if (items.isEmpty()) {
      out.append("[ ]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object item : items) {
      out.append(first ? "" : ",");
      first = false;
      newLine(out, depth + 1);
      value(out, item, depth + 1);
    }
    newLine(out, depth);
    out.append(']');
  }

  private static void object(StringBuilder out, Map<?, ?> map, int depth) {
    Map<?, ?> sorted = new TreeMap<>(map);
    boolean first = true;
    for (Map.Entry<?, ?> entry : sorted.entrySet()) {
      if (entry.getValue() != null) {
        first = field(out, String.valueOf(entry.getKey()), entry.getValue(), depth, first);
      }
    }
    close(out, first, depth);
  }

  private static void record(StringBuilder out, Object record, int depth) {
    boolean first = true;
    for (Component component : COMPONENTS.get(record.getClass())) {
      Object value = component.read(record);
      if (!component.leftOut(value)) {
        first = field(out, component.component().getName(), value, depth, first);
      }
    }
    close(out, first, depth);
  }

  /** Writes one field of an object, opening the object before the first; false from then on. */
  private static boolean field(StringBuilder out, String name, Object value, int depth, boolean first) {
    out.append(first ? "{" : ",");
    newLine(out, depth + 1);
    string(out, name);
    out.append(" : ");
    value(out, value, depth + 1);
    return false;
  }

  /** Ends an object; one with no field written is an empty pair of braces. */
  private static void close(StringBuilder out, boolean empty, int depth) {
    if (empty) {
      out.append("{ }");
      return;
    }
    newLine(out, depth);
    out.append('}');
  }

  private static void newLine(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  /** As Jackson escaped: upper-case hexadecimal digits. */
  private static void string(StringBuilder out, CharSequence text) {
    JsonStrings.append(out, text, true);
  }

  private static boolean isEmpty(Object value) {
    return value instanceof Collection<?> items && items.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty()
        || value instanceof CharSequence text && text.length() == 0;
  }

  private static boolean isZero(Object value) {
    return value instanceof Number number && number.doubleValue() == 0;
  }
}

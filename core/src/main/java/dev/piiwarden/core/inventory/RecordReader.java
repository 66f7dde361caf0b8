package dev.piiwarden.core.inventory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the inventory's records from the plain values {@link dev.piiwarden.core.json.JsonValues}
 * reads, through each record's canonical constructor (which checks required parts and fills in
 * defaults). Fields a record does not have are left out, as a newer writer may add some; a missing
 * field is null, or 0 or false for a number or a flag. A whole number or a flag may be written as a
 * string of one ({@code "12"}, {@code "true"}), a string as a number or a flag. Anything else of the
 * wrong shape is a {@link BadValue} that names the place and what was expected, never the value.
 */
final class RecordReader {
  /** A value of the wrong shape at {@code path}; {@code expected} says what it should be, in words. */
  static final class BadValue extends RuntimeException {
    final String path;
    final String expected;

    BadValue(String path, String expected) {
      super(path + ": expected " + expected, null, false, false);
      this.path = path;
      this.expected = expected;
    }
  }

  /** A record the constructor refused: a required part is missing ({@code missing}, or null when unknown). */
  static final class Incomplete extends RuntimeException {
    final String path;
    final String missing;

    Incomplete(String path, String missing, Throwable cause) {
      super(path, cause);
      this.path = path;
      this.missing = missing;
    }
  }

  /** A record type's canonical constructor and its components' names and types, looked up once. */
  private record Shape(Constructor<?> constructor, String[] names, Type[] types) {}

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return new Shape(constructor, Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new),
            Arrays.stream(components).map(RecordComponent::getGenericType).toArray(Type[]::new));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
      }
    }
  };

  private RecordReader() {}

  /** {@code value} as a {@code type}; {@code path} names it in messages ({@code dataElements[0].source}). */
  static Object read(Object value, Type type, String path) {
    Class<?> raw = raw(type);
    if (value == null) {
      return raw == int.class ? (Object) 0 : raw == long.class ? (Object) 0L : raw == boolean.class ? (Object) false : null;
    }
    if (raw == String.class) {
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw new BadValue(path, "a text");
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      long number = wholeNumber(value, path);
      if ((raw == int.class || raw == Integer.class) && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
        throw new BadValue(path, "a whole number");
      }
      return raw == int.class || raw == Integer.class ? (Object) (int) number : (Object) number;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      if ("true".equals(value) || "false".equals(value)) {
        return Boolean.valueOf((String) value);
      }
      throw new BadValue(path, "true or false");
    }
    if (raw.isEnum()) {
      if (value instanceof String name) {
        for (Object constant : raw.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(name)) {
            return constant;
          }
        }
      }
      throw new BadValue(path, "one of " + String.join(", ",
          Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()));
    }
    if (raw == List.class) {
      if (!(value instanceof List<?> items)) {
        throw new BadValue(path, "a list");
      }
      Type item = argument(type, 0);
      List<Object> read = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        read.add(read(items.get(i), item, path + "[" + i + "]"));
      }
      return read;
    }
    if (raw == Map.class) {
      if (!(value instanceof Map<?, ?> fields)) {
        throw new BadValue(path, "an object");
      }
      Type key = argument(type, 0);
      Map<Object, Object> read = new LinkedHashMap<>();
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        Object name;
        try {
          name = read(field.getKey(), key, path);
        } catch (BadValue badKey) {
          // the inventory's maps are keyed by parameter numbers; the path does not show the key, which is input
          throw new BadValue(path, "whole numbers as its keys");
        }
        read.put(name, read(field.getValue(), argument(type, 1), path + "." + name));
      }
      return read;
    }
    if (raw.isRecord()) {
      if (!(value instanceof Map<?, ?> fields)) {
        throw new BadValue(path, "an object");
      }
      return record(raw, fields, path);
    }
    throw new IllegalStateException("an inventory part of an unexpected type: " + type);
  }

  private static Object record(Class<?> type, Map<?, ?> fields, String path) {
    Shape shape = SHAPES.get(type);
    Object[] arguments = new Object[shape.names().length];
    for (int i = 0; i < arguments.length; i++) {
      String name = shape.names()[i];
      arguments[i] = read(fields.get(name), shape.types()[i], path.isEmpty() ? name : path + "." + name);
    }
    try {
      return shape.constructor().newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      String missing = cause instanceof NullPointerException && cause.getMessage() != null
          && cause.getMessage().matches("[a-z]+") ? cause.getMessage() : null;
      throw new Incomplete(path, missing, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a " + type.getName(), e);
    }
  }

  private static long wholeNumber(Object value, String path) {
    if (value instanceof Long number) {
      return number;
    }
    if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 0x1p53) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException notANumber) {
        // told below, without the text
      }
    }
    throw new BadValue(path, "a whole number");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}

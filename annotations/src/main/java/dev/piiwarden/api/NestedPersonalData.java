package dev.piiwarden.api;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericSignatureFormatError;
import java.lang.reflect.MalformedParameterizedTypeException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which objects {@link PersonalDataExport#export} looks into, and which of their fields it
 * follows, both found once per class.
 *
 * <p>A class holds personal data when it or a superclass has personal data members ({@link
 * PersonalDataDescriptors}), or when the declared type of one of its fields does, directly, as the
 * element type of a collection, map, {@code Optional} or array, or further down the same way. JDK
 * classes hold none of their own. Of a class that holds personal data, every field whose declared
 * type can refer to such an object is followed: a class that holds personal data, any type that is
 * not final (an interface, {@code Object}, a class a subclass of which may hold it), and containers
 * of these. Fields of final types without personal data ({@code String}, numbers, dates, enums) are
 * not read.
 */
final class NestedPersonalData {
  private static final ClassValue<Boolean> HOLDS =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return search(type);
        }
      };

  private static final ClassValue<List<Followed>> FOLLOWED =
      new ClassValue<>() {
        @Override
        protected List<Followed> computeValue(Class<?> type) {
          List<Followed> followed = new ArrayList<>();
          for (Field field : instanceFields(type)) {
            if (mayRefer(declaredType(field))) {
              followed.add(new Followed(field, field.trySetAccessible(), leadsToPersonalData(field)));
            }
          }
          return List.copyOf(followed);
        }
      };

  private NestedPersonalData() {}

  /**
   * A field to follow.
   *
   * @param field the field
   * @param open whether reflection may read it
   * @param certain whether its declared type holds personal data, so that not reading it would
   *     leave personal data out
   */
  record Followed(Field field, boolean open, boolean certain) {}

  /** Whether objects of {@code type} hold personal data, in their members or their fields. */
  static boolean holds(Class<?> type) {
    return HOLDS.get(type);
  }

  /** The fields of {@code type} and its superclasses that can refer to personal data. */
  static List<Followed> followed(Class<?> type) {
    return FOLLOWED.get(type);
  }

  /** Whether {@code value} is a collection, map, {@code Optional} or array of objects. */
  static boolean isContainer(Object value) {
    return value instanceof Iterable || value instanceof Map || value instanceof Optional
        || value instanceof Object[];
  }

  /** Over the class graph of the declared field types, which a cycle cannot make endless. */
  private static boolean search(Class<?> type) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(type);
    Set<Class<?>> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Class<?> c = pending.poll();
      if (!seen.add(c) || isJdk(c)) {
        continue;
      }
      try {
        if (!PersonalDataDescriptors.membersOf(c).isEmpty()) {
          return true;
        }
        for (Field field : instanceFields(c)) {
          mentioned(declaredType(field), pending);
        }
      } catch (LinkageError unloadable) {
        // A field's type is missing from the class path, so no object reached through it exists.
        // An object of c itself, if any, is still read, and that read fails loudly.
      }
    }
    return false;
  }

  /** The field's generic type, or its class when a type its signature names is missing. */
  private static Type declaredType(Field field) {
    try {
      return field.getGenericType();
    } catch (TypeNotPresentException | MalformedParameterizedTypeException
        | GenericSignatureFormatError missing) {
      return field.getType();
    }
  }

  private static boolean leadsToPersonalData(Field field) {
    List<Class<?>> classes = new ArrayList<>();
    mentioned(declaredType(field), classes);
    for (Class<?> c : classes) {
      if (!isJdk(c) && holds(c)) {
        return true;
      }
    }
    return false;
  }

  /** The classes that a declared type names: itself, its type arguments, bounds and components. */
  private static void mentioned(Type type, Collection<Class<?>> out) {
    if (type instanceof Class<?> c) {
      out.add(c.isArray() ? elementClass(c) : c);
    } else if (type instanceof ParameterizedType p) {
      mentioned(p.getRawType(), out);
      for (Type argument : p.getActualTypeArguments()) {
        mentioned(argument, out);
      }
    } else if (type instanceof GenericArrayType a) {
      mentioned(a.getGenericComponentType(), out);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        mentioned(bound, out);
      }
    } else if (type instanceof TypeVariable<?> v) {
      // only the bounds' classes: a bound may name the variable itself (T extends Comparable<T>)
      for (Type bound : v.getBounds()) {
        out.add(bound instanceof ParameterizedType p ? (Class<?>) p.getRawType() : erased(bound));
      }
    }
  }

  /** Whether a field of this declared type can refer to an object that holds personal data. */
  private static boolean mayRefer(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isPrimitive()) {
        return false;
      }
      if (c.isArray()) {
        return mayRefer(c.getComponentType());
      }
      return isContainerType(c) || holds(c) || !(Modifier.isFinal(c.getModifiers()) || c.isEnum());
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (!isContainerType(raw)) {
        return mayRefer(raw);
      }
      return anyMayRefer(p.getActualTypeArguments());
    }
    if (type instanceof GenericArrayType a) {
      return mayRefer(a.getGenericComponentType());
    }
    if (type instanceof WildcardType w) {
      return anyMayRefer(w.getUpperBounds());
    }
    return true; // a type variable: anything
  }

  private static boolean anyMayRefer(Type[] types) {
    for (Type type : types) {
      if (mayRefer(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isContainerType(Class<?> c) {
    return Iterable.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)
        || c == Optional.class;
  }

  private static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** Classes of the JDK, which carry no personal data annotations and are not looked into. */
  private static boolean isJdk(Class<?> c) {
    Class<?> element = elementClass(c);
    ClassLoader loader = element.getClassLoader();
    return element.isPrimitive() || loader == null || loader == ClassLoader.getPlatformClassLoader();
  }

  private static Class<?> elementClass(Class<?> c) {
    Class<?> element = c;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    return element;
  }

  private static Class<?> erased(Type type) {
    return type instanceof Class<?> c ? c : Object.class;
  }
}

package dev.piiwarden.api;

import dev.piiwarden.annotations.PersonalData;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link PersonalData} members one class declares, found by reflection: what {@link
 * PersonalDataDescriptors} gives for a class compiled without the processor, whose annotations are
 * still there at run time, so that such a class never looks like one without personal data. Record
 * components in order, then fields in declaration order, then accessor methods (no parameters, a
 * result, not static) by name.
 */
final class AnnotatedMembers {
  private AnnotatedMembers() {}

  /** A reflective read of one member. */
  private interface Read {
    Object from(Object instance) throws IllegalAccessException, InvocationTargetException;
  }

  static List<PersonalDataMember<Object>> of(Class<?> type) {
    List<PersonalDataMember<Object>> members = new ArrayList<>();
    Set<Method> componentAccessors = new HashSet<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        Method accessor = component.getAccessor();
        componentAccessors.add(accessor);
        PersonalData data = component.getAnnotation(PersonalData.class);
        if (data != null) {
          members.add(member(type, component.getName(), PersonalDataMember.Kind.RECORD_COMPONENT,
              data, accessor, accessor::invoke));
        }
      }
    } else {
      for (Field field : type.getDeclaredFields()) {
        PersonalData data = field.getAnnotation(PersonalData.class);
        if (data != null && !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          members.add(member(type, field.getName(), PersonalDataMember.Kind.FIELD, data, field,
              field::get));
        }
      }
    }
    Method[] methods = type.getDeclaredMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method method : methods) {
      PersonalData data = method.getAnnotation(PersonalData.class);
      if (data != null && isAccessor(method) && !componentAccessors.contains(method)) {
        members.add(member(type, method.getName() + "()", PersonalDataMember.Kind.METHOD, data,
            method, method::invoke));
      }
    }
    return List.copyOf(members);
  }

  private static boolean isAccessor(Method method) {
    return method.getParameterCount() == 0
        && method.getReturnType() != void.class
        && !Modifier.isStatic(method.getModifiers())
        && !method.isBridge()
        && !method.isSynthetic();
  }

  private static PersonalDataMember<Object> member(Class<?> type, String name,
      PersonalDataMember.Kind kind, PersonalData data, AccessibleObject element, Read read) {
    return new PersonalDataMember<>(name, kind, data.category(), List.of(data.purposes()),
        data.subject(), data.basis(), data.retention(), data.redaction(),
        reader(type, name, element, read));
  }

  private static Function<Object, Object> reader(
      Class<?> type, String name, AccessibleObject element, Read read) {
    boolean open = element.trySetAccessible();
    return instance -> {
      try {
        if (open) {
          return read.from(instance);
        }
      } catch (IllegalAccessException closed) {
        // reported below, as when it could not be opened
      } catch (InvocationTargetException failed) {
        throw PersonalDataAccessException.accessorFailed(type, name, failed.getCause());
      }
      throw PersonalDataAccessException.notOpen(type, name, AnnotatedMembers.class.getModule());
    };
  }
}

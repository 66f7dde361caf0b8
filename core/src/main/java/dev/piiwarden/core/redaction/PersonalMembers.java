package dev.piiwarden.core.redaction;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.api.PersonalDataDescriptors;
import dev.piiwarden.api.PersonalDataMember;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @PersonalData} members of a class, superclasses' first: from the generated
 * descriptors when there are any, otherwise by reflection over the annotated fields, record
 * components and accessor methods (for classes compiled without the processor). Found once per
 * class. A member that reflection cannot open reads as a failure, never as its raw value.
 */
final class PersonalMembers {
  private static final ClassValue<List<PersonalMember>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected List<PersonalMember> computeValue(Class<?> type) {
          List<PersonalMember> generated = fromDescriptors(type);
          return generated.isEmpty() ? reflected(type) : generated;
        }
      };

  private PersonalMembers() {}

  /**
   * The personal data members of {@code type}; empty when it has none.
   *
   * @throws IllegalStateException when a generated descriptor exists but cannot be used
   */
  static List<PersonalMember> of(Class<?> type) {
    return MEMBERS.get(type);
  }

  /** The member named {@code name} in {@code members}, or null. */
  static PersonalMember named(List<PersonalMember> members, String name) {
    for (PersonalMember member : members) {
      if (member.name().equals(name)) {
        return member;
      }
    }
    return null;
  }

  private static List<PersonalMember> fromDescriptors(Class<?> type) {
    List<PersonalMember> members = new ArrayList<>();
    for (PersonalDataMember<Object> member : PersonalDataDescriptors.membersOf(type)) {
      members.add(new PersonalMember(
          member.name(), member.category(), member.redaction(), member::read));
    }
    return List.copyOf(members);
  }

  private static List<PersonalMember> reflected(Class<?> type) {
    List<Class<?>> lineage = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      lineage.add(0, c);
    }
    List<PersonalMember> members = new ArrayList<>();
    for (Class<?> c : lineage) {
      if (c.isRecord()) {
        for (RecordComponent component : c.getRecordComponents()) {
          PersonalData data = component.getAnnotation(PersonalData.class);
          if (data != null) {
            members.add(method(component.getName(), data, component.getAccessor()));
          }
        }
        continue;
      }
      for (Field field : c.getDeclaredFields()) {
        PersonalData data = field.getAnnotation(PersonalData.class);
        if (data != null && !Modifier.isStatic(field.getModifiers())) {
          members.add(field(data, field));
        }
      }
      for (Method method : c.getDeclaredMethods()) {
        PersonalData data = method.getAnnotation(PersonalData.class);
        if (data != null && method.getParameterCount() == 0
            && !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class) {
          members.add(method(method.getName() + "()", data, method));
        }
      }
    }
    return List.copyOf(members);
  }

  private static PersonalMember field(PersonalData data, Field field) {
    boolean open = field.trySetAccessible();
    return new PersonalMember(field.getName(), data.category(), data.redaction(), instance -> {
      if (!open) {
        throw new IllegalStateException("The field cannot be opened for reading");
      }
      try {
        return field.get(instance);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("The field cannot be read", e);
      }
    });
  }

  private static PersonalMember method(String name, PersonalData data, Method method) {
    boolean open = method.trySetAccessible();
    return new PersonalMember(name, data.category(), data.redaction(), instance -> {
      if (!open) {
        throw new IllegalStateException("The accessor cannot be opened for calling");
      }
      try {
        return method.invoke(instance);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("The accessor cannot be called", e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("The accessor failed", e.getCause());
      }
    });
  }
}

package dev.piiwarden.core.redaction;

import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.api.PersonalDataAccessException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code @PersonalData} members one class declares, found by reflection for a class compiled
 * without the processor. The annotation is recognised by its name and its values read by name, so
 * the application's annotation is found whichever loader defined it (see {@link
 * ApplicationApiNames}).
 */
final class AnnotatedMembers {
  private AnnotatedMembers() {}

  static List<PersonalMember> of(Class<?> c) {
    List<PersonalMember> members = new ArrayList<>();
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        Annotation data = personalData(component);
        if (data != null) {
          members.add(method(component.getName(), data, component.getAccessor()));
        }
      }
      return members;
    }
    for (Field field : c.getDeclaredFields()) {
      Annotation data = personalData(field);
      if (data != null && !Modifier.isStatic(field.getModifiers())) {
        members.add(field(data, field));
      }
    }
    for (Method method : c.getDeclaredMethods()) {
      Annotation data = personalData(method);
      if (data != null && method.getParameterCount() == 0
          && !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class) {
        members.add(method(method.getName() + "()", data, method));
      }
    }
    return members;
  }

  /**
   * The member of {@code c} (not of its superclasses) marked {@code @DataSubject} and not {@code
   * @PersonalData}: a field, or an accessor without parameters; null when there is none. Its
   * category and redaction are null: it is the internal id a log may show.
   */
  static PersonalMember subject(Class<?> c) {
    for (Field field : c.getDeclaredFields()) {
      if (marked(field, ApplicationApiNames.DATA_SUBJECT) != null && personalData(field) == null
          && !Modifier.isStatic(field.getModifiers())) {
        return new PersonalMember(field.getName(), null, null, reader(field));
      }
    }
    for (Method method : c.getDeclaredMethods()) {
      if (marked(method, ApplicationApiNames.DATA_SUBJECT) != null && personalData(method) == null
          && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
          && method.getReturnType() != void.class) {
        String name = method.getName() + "()";
        return new PersonalMember(name, null, null, reader(name, method));
      }
    }
    return null;
  }

  private static Annotation personalData(AnnotatedElement element) {
    return marked(element, ApplicationApiNames.PERSONAL_DATA);
  }

  private static Annotation marked(AnnotatedElement element, String annotationName) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(annotationName)) {
        return annotation;
      }
    }
    return null;
  }

  private static PersonalMember field(Annotation data, Field field) {
    return new PersonalMember(field.getName(), category(data), redaction(data), reader(field));
  }

  private static Function<Object, Object> reader(Field field) {
    boolean open = field.trySetAccessible();
    return instance -> {
      try {
        if (open) {
          return field.get(instance);
        }
      } catch (IllegalAccessException closed) {
        // said below, as when it could not be opened
      }
      throw PersonalDataAccessException.notOpen(
          field.getDeclaringClass(), field.getName(), AnnotatedMembers.class.getModule());
    };
  }

  private static PersonalMember method(String name, Annotation data, Method method) {
    return new PersonalMember(name, category(data), redaction(data), reader(name, method));
  }

  private static Function<Object, Object> reader(String name, Method method) {
    boolean open = method.trySetAccessible();
    return instance -> {
      try {
        if (open) {
          return method.invoke(instance);
        }
      } catch (IllegalAccessException closed) {
        // said below, as when it could not be opened
      } catch (InvocationTargetException e) {
        throw PersonalDataAccessException.accessorFailed(method.getDeclaringClass(), name, e.getCause());
      }
      throw PersonalDataAccessException.notOpen(
          method.getDeclaringClass(), name, AnnotatedMembers.class.getModule());
    };
  }

  private static String category(Annotation data) {
    return (String) value(data, "category");
  }

  private static Redaction redaction(Annotation data) {
    return Redaction.valueOf(((Enum<?>) value(data, "redaction")).name());
  }

  private static Object value(Annotation data, String element) {
    try {
      return data.annotationType().getMethod(element).invoke(data);
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new IllegalStateException("@PersonalData has no readable " + element + "()", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("@PersonalData's " + element + "() failed", e.getCause());
    }
  }
}

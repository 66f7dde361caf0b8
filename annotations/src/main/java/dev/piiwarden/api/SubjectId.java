package dev.piiwarden.api;

import dev.piiwarden.annotations.DataSubject;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data subject an object belongs to: the value of its (or a superclass's) {@link DataSubject}
 * field or accessor, read by reflection, as its text ({@code toString()}, which {@link DataSubject}
 * says is the id). {@link ExportWalk} uses it to tell one person's records from another's.
 */
final class SubjectId {
  /** The first {@link DataSubject} field or accessor of a class or its superclasses, if any. */
  private static final ClassValue<Optional<AccessibleObject>> MEMBER =
      new ClassValue<>() {
        @Override
        protected Optional<AccessibleObject> computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (field.isAnnotationPresent(DataSubject.class)
                  && !Modifier.isStatic(field.getModifiers())) {
                return Optional.of(field);
              }
            }
            List<Method> accessors = new ArrayList<>();
            for (Method method : c.getDeclaredMethods()) {
              if (method.isAnnotationPresent(DataSubject.class) && method.getParameterCount() == 0
                  && method.getReturnType() != void.class
                  && !Modifier.isStatic(method.getModifiers())) {
                accessors.add(method);
              }
            }
            accessors.sort((a, b) -> a.getName().compareTo(b.getName()));
            if (!accessors.isEmpty()) {
              return Optional.of(accessors.get(0));
            }
          }
          return Optional.empty();
        }
      };

  private SubjectId() {}

  /** Whether objects of {@code type} name the data subject they belong to. */
  static boolean declared(Class<?> type) {
    return MEMBER.get(type).isPresent();
  }

  /**
   * The subject id of {@code object}: empty when its class has no {@link DataSubject} member or
   * the value is null.
   *
   * @throws IllegalStateException when the member cannot be read: whose data an object is must
   *     not be guessed
   */
  static Optional<String> of(Object object) {
    Optional<AccessibleObject> member = MEMBER.get(object.getClass());
    if (member.isEmpty()) {
      return Optional.empty();
    }
    AccessibleObject element = member.get();
    Class<?> declaring = element instanceof Field f ? f.getDeclaringClass()
        : ((Method) element).getDeclaringClass();
    String name = element instanceof Field f ? f.getName() : ((Method) element).getName() + "()";
    if (!element.trySetAccessible()) {
      throw PersonalDataAccessException.notOpen(declaring, name, SubjectId.class.getModule());
    }
    try {
      Object id = element instanceof Field f ? f.get(object) : ((Method) element).invoke(object);
      return Optional.ofNullable(id).map(Object::toString);
    } catch (IllegalAccessException closed) {
      throw PersonalDataAccessException.notOpen(declaring, name, SubjectId.class.getModule());
    } catch (InvocationTargetException failed) {
      throw PersonalDataAccessException.accessorFailed(declaring, name, failed.getCause());
    }
  }
}

package dev.piiwarden.agent.consent;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Finds the data subject of a call, in the order of SPEC §6: the {@code @DataSubject} parameter;
 * then the first argument whose class has a {@code @DataSubject} field or accessor; then the
 * application's {@code PrivacyContext}. The id is the value's {@code toString()}. A
 * {@code @DataSubject} field is read through its plain getter when it has one, so a lazy proxy's
 * subject is found.
 */
final class SubjectResolver {
  private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);

  /** Per argument class: a handle reading its {@code @DataSubject} member, or {@link #NONE}. */
  private final ClassValue<MethodHandle> members =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
          return subjectMember(type);
        }
      };

  /** Per instrumented class: {@code PrivacyContext.currentSubject()} as its loader sees it. */
  private final ClassValue<MethodHandle> contexts =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
          return privacyContext(type);
        }
      };

  /** The subject id, or null when none can be found. */
  String resolve(ConsentRule rule, Class<?> declaringType, Object[] arguments) throws Throwable {
    if (rule.subjectParameter() >= 0) {
      return text(arguments[rule.subjectParameter()]);
    }
    for (Object argument : arguments) {
      if (argument == null) {
        continue;
      }
      MethodHandle member = members.get(argument.getClass());
      if (member != NONE) {
        return text(member.invoke(argument));
      }
    }
    MethodHandle context = contexts.get(declaringType);
    if (context == NONE) {
      return null;
    }
    Optional<?> current = (Optional<?>) context.invoke();
    return current.map(Object::toString).orElse(null);
  }

  /**
   * The subject of a call of an access-audited activity: the parameter its fragment names (or that
   * parameter's {@code @DataSubject} member), else the privacy context; null when none is found.
   */
  String resolve(AccessRule rule, Class<?> declaringType, Object[] arguments) throws Throwable {
    int index = rule.subjectParameter();
    if (index >= 0) {
      if (index >= arguments.length) {
        return null;
      }
      Object argument = arguments[index];
      if (!rule.subjectMember()) {
        return text(argument);
      }
      if (argument == null) {
        return null;
      }
      MethodHandle member = members.get(argument.getClass());
      return member == NONE ? null : text(member.invoke(argument));
    }
    MethodHandle context = contexts.get(declaringType);
    if (context == NONE) {
      return null;
    }
    Optional<?> current = (Optional<?>) context.invoke();
    return current.map(Object::toString).orElse(null);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String id = value.toString();
    return id.isEmpty() ? null : id;
  }

  private static MethodHandle subjectMember(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.getName().startsWith("java.")) {
      return NONE;
    }
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      for (Method method : current.getDeclaredMethods()) {
        if (method.getParameterCount() == 0
            && method.getReturnType() != void.class
            && !Modifier.isStatic(method.getModifiers())
            && hasDataSubject(method)
            && open(method)) {
          try {
            return MethodHandles.lookup()
                .unreflect(method)
                .asType(MethodType.methodType(Object.class, Object.class));
          } catch (IllegalAccessException e) {
            return NONE;
          }
        }
      }
      for (Field field : current.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && hasDataSubject(field) && open(field)) {
          try {
            // Its plain getter, when it has one, called virtually: a lazy proxy (Hibernate's
            // getReferenceById) leaves the field null and answers through the getter.
            Method getter = getterOf(current, field);
            return (getter != null ? MethodHandles.lookup().unreflect(getter)
                    : MethodHandles.lookup().unreflectGetter(field))
                .asType(MethodType.methodType(Object.class, Object.class));
          } catch (IllegalAccessException e) {
            return NONE;
          }
        }
      }
    }
    return NONE;
  }

  /**
   * The plain getter of {@code field} declared beside it ({@code getId()}, {@code isId()} or
   * {@code id()}, no parameters, the field's type, not private, so that a subclass can override
   * it), or null.
   */
  private static Method getterOf(Class<?> type, Field field) {
    String name = field.getName();
    String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : new String[] {"get" + capitalised, "is" + capitalised, name}) {
      try {
        Method method = type.getDeclaredMethod(candidate);
        int modifiers = method.getModifiers();
        if (method.getReturnType() == field.getType() && !Modifier.isStatic(modifiers)
            && !Modifier.isPrivate(modifiers) && open(method)) {
          return method;
        }
      } catch (NoSuchMethodException absent) {
        // the next form of the name
      }
    }
    return null;
  }

  private static boolean open(AccessibleObject member) {
    try {
      member.setAccessible(true);
      return true;
    } catch (RuntimeException notOpen) {
      return false;
    }
  }

  private static boolean hasDataSubject(AccessibleObject member) {
    for (Annotation annotation : member.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(ApplicationApi.DATA_SUBJECT)) {
        return true;
      }
    }
    return false;
  }

  private static MethodHandle privacyContext(Class<?> declaringType) {
    try {
      Class<?> context =
          Class.forName(ApplicationApi.PRIVACY_CONTEXT, false, declaringType.getClassLoader());
      return MethodHandles.publicLookup()
          .findStatic(context, "currentSubject", MethodType.methodType(Optional.class))
          .asType(MethodType.methodType(Object.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      return NONE;
    }
  }
}

package dev.piiwarden.agent.redaction;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Finds and opens the fields and methods of a logging framework's classes that the hooks read and
 * write. The frameworks are reached by reflection only, so the agent links against none of them;
 * a framework in a named module is opened to the agent with {@link
 * Instrumentation#redefineModule} first.
 */
final class ReflectiveAccess {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static volatile Instrumentation instrumentation;

  private ReflectiveAccess() {}

  static void use(Instrumentation agentInstrumentation) {
    instrumentation = agentInstrumentation;
  }

  /** The field {@code name} declared by {@code type} or a superclass, made accessible. */
  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return open(c.getDeclaredField(name));
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  /** The public method {@code name} of {@code type}, made accessible. */
  static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
    return open(type.getMethod(name, parameters));
  }

  /**
   * {@code method} (opened by {@link #method}) as a handle of the given erased type, for {@code
   * invokeExact} on the hot path: no argument array, no boxing, no access check per call. A
   * varargs method takes its array as it is.
   */
  static MethodHandle handle(Method method, MethodType type) throws IllegalAccessException {
    return LOOKUP.unreflect(method).asFixedArity().asType(type);
  }

  /**
   * The public constructor of {@code type} taking {@code parameters}, made accessible, as a handle
   * of the given erased type for {@code invokeExact}.
   */
  static MethodHandle constructor(Class<?> type, MethodType erased, Class<?>... parameters)
      throws NoSuchMethodException, IllegalAccessException {
    // fixed arity: asType would otherwise wrap the array of a varargs constructor in another
    return LOOKUP.unreflectConstructor(open(type.getConstructor(parameters))).asFixedArity().asType(erased);
  }

  /** A getter of {@code field} (opened by {@link #field}) as an {@code (Object)Object} handle. */
  static MethodHandle getter(Field field) throws IllegalAccessException {
    return LOOKUP.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
  }

  /** A setter of {@code field} (opened by {@link #field}), even of a final one. */
  static MethodHandle setter(Field field) throws IllegalAccessException {
    return LOOKUP.unreflectSetter(field);
  }

  /** A class by name, from the loader of {@code sibling}. */
  static Class<?> sibling(Class<?> sibling, String name) throws ClassNotFoundException {
    return Class.forName(name, false, sibling.getClassLoader());
  }

  private static <T extends AccessibleObject & java.lang.reflect.Member> T open(T member) {
    Class<?> owner = member.getDeclaringClass();
    Module module = owner.getModule();
    Module ours = ReflectiveAccess.class.getModule();
    Instrumentation current = instrumentation;
    if (module.isNamed() && !module.isOpen(owner.getPackageName(), ours) && current != null
        && current.isModifiableModule(module)) {
      current.redefineModule(
          module, Set.of(), Map.of(), Map.of(owner.getPackageName(), Set.of(ours)), Set.of(), Map.of());
    }
    member.setAccessible(true);
    return member;
  }
}

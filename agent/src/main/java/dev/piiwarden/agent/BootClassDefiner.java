package dev.piiwarden.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines the bridge classes in the bootstrap class loader directly, through the JDK's internal
 * class definer, which {@link Instrumentation#redefineModule} lets the agent reach. Unlike a jar
 * appended to the bootstrap class path, this leaves class data sharing on for the application's
 * own classes, and the JVM prints no "Sharing is only supported for boot loader classes" warning.
 * Where the JDK does not allow it, {@link #define} says so and the caller appends the jar instead.
 */
final class BootClassDefiner {
  private BootClassDefiner() {}

  /**
   * Defines {@code classes} (resource names, {@code a/b/C.class}) with the class files {@code
   * contents} in the bootstrap class loader, a supertype before the types that extend it.
   *
   * @return false when this JDK does not let the agent define them this way; then none, or only
   *     some of them, are defined, and appending a jar that holds all of them completes the rest
   */
  static boolean define(Instrumentation instrumentation, String[] classes, byte[][] contents) {
    try {
      Module base = Object.class.getModule();
      instrumentation.redefineModule(base, Set.of(),
          Map.of("jdk.internal.misc", Set.of(BootClassDefiner.class.getModule())), Map.of(), Set.of(), Map.of());
      Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
      Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
      Method define = unsafeType.getMethod("defineClass",
          String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
      List<Integer> pending = new ArrayList<>();
      for (int i = 0; i < classes.length; i++) {
        pending.add(i);
      }
      // a class whose supertype is not defined yet fails to link: it is tried again after the others
      boolean progress = true;
      while (!pending.isEmpty() && progress) {
        progress = false;
        for (int k = 0; k < pending.size(); k++) {
          int i = pending.get(k);
          String name = classes[i].substring(0, classes[i].length() - ".class".length()).replace('/', '.');
          try {
            define.invoke(unsafe, name, contents[i], 0, contents[i].length, null, null);
          } catch (InvocationTargetException failure) {
            if (failure.getCause() instanceof NoClassDefFoundError) {
              continue;
            }
            throw failure;
          }
          pending.remove(k--);
          progress = true;
        }
      }
      return pending.isEmpty();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
      return false;
    }
  }
}

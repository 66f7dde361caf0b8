package dev.piiwarden.agent.consent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the application's own {@code ConsentDeniedException}, the class its code catches, from the
 * loader of the instrumented class. The frames above the denied method are cut from the stack
 * trace, so it starts at that method. The constructor is called reflectively, not through a method handle:
 * denials are rare, and a handle's first call spins classes while the application waits.
 */
final class DeniedExceptions {
  private final ClassValue<Maker> makers =
      new ClassValue<>() {
        @Override
        protected Maker computeValue(Class<?> type) {
          return Maker.forLoaderOf(type);
        }
      };

  /** The exception to throw; fails when the application cannot see the exception class. */
  RuntimeException create(
      Class<?> declaringType, ConsentRule rule, String reason, String pseudonym) throws Throwable {
    RuntimeException denied = makers.get(declaringType).make(rule, reason, pseudonym);
    StackTraceElement[] frames = denied.getStackTrace();
    int first = 0;
    while (first < frames.length && isAgentOrReflection(frames[first].getClassName())) {
      first++;
    }
    denied.setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
    return denied;
  }

  /** The frames above the denied method: the agent's, and those of the reflective call. */
  private static boolean isAgentOrReflection(String className) {
    return className.startsWith("dev.piiwarden.agent.")
        || className.startsWith("jdk.internal.reflect.")
        || className.startsWith("java.lang.reflect.");
  }

  private static final class Maker {
    private final Constructor<?> constructor;
    private final Class<?> reasons;

    private Maker(Constructor<?> constructor, Class<?> reasons) {
      this.constructor = constructor;
      this.reasons = reasons;
    }

    static Maker forLoaderOf(Class<?> type) {
      try {
        ClassLoader loader = type.getClassLoader();
        Class<?> exception = Class.forName(ApplicationApi.CONSENT_DENIED, false, loader);
        Class<?> reasons = Class.forName(ApplicationApi.CONSENT_DENIED_REASON, false, loader);
        Constructor<?> constructor =
            exception.getConstructor(List.class, reasons, String.class, String.class);
        return new Maker(constructor, reasons);
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException(
            "the application's ConsentDeniedException is not usable from " + type.getName(), e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    RuntimeException make(ConsentRule rule, String reason, String pseudonym) throws Throwable {
      Object reasonValue = Enum.valueOf((Class) reasons, reason);
      try {
        return (RuntimeException)
            constructor.newInstance(rule.purposes(), reasonValue, pseudonym, rule.activity());
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}

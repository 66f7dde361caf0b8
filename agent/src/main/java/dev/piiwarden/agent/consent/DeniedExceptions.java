package dev.piiwarden.agent.consent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the application's own {@code ConsentDeniedException}, the class its code catches, from the
 * loader of the instrumented class. Agent frames are cut from the stack trace, so it starts at the
 * method that was denied.
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
    List<StackTraceElement> kept = new ArrayList<>(frames.length);
    for (StackTraceElement frame : frames) {
      if (!frame.getClassName().startsWith("dev.piiwarden.agent.")) {
        kept.add(frame);
      }
    }
    denied.setStackTrace(kept.toArray(new StackTraceElement[0]));
    return denied;
  }

  private static final class Maker {
    private final MethodHandle constructor;
    private final Class<?> reasons;

    private Maker(MethodHandle constructor, Class<?> reasons) {
      this.constructor = constructor;
      this.reasons = reasons;
    }

    static Maker forLoaderOf(Class<?> type) {
      try {
        ClassLoader loader = type.getClassLoader();
        Class<?> exception = Class.forName(ApplicationApi.CONSENT_DENIED, false, loader);
        Class<?> reasons = Class.forName(ApplicationApi.CONSENT_DENIED_REASON, false, loader);
        MethodHandle constructor =
            MethodHandles.publicLookup()
                .findConstructor(
                    exception,
                    MethodType.methodType(
                        void.class, List.class, reasons, String.class, String.class));
        return new Maker(constructor, reasons);
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException(
            "the application's ConsentDeniedException is not usable from " + type.getName(), e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    RuntimeException make(ConsentRule rule, String reason, String pseudonym) throws Throwable {
      Object reasonValue = Enum.valueOf((Class) reasons, reason);
      return (RuntimeException)
          constructor.invoke(rule.purposes(), reasonValue, pseudonym, rule.activity());
    }
  }
}

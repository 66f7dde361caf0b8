package dev.piiwarden.agent.consent;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Tells a Kotlin suspend function resuming from a call of it. A suspend function is a method whose
 * last parameter is a {@code kotlin.coroutines.Continuation}; when it suspends and is resumed,
 * Kotlin calls the same method again, with its own continuation (a class the compiler generates
 * inside the function, {@code Mailer$send$1}) whose {@code label} has its sign bit set, and with
 * every other argument null. That second entry is the same call going on, decided at its first
 * entry: checked again, it would find no subject and deny a granted call halfway through, and
 * write a second decision.
 */
public final class SuspendResumption {
  private static final String CONTINUATION = "kotlin.coroutines.Continuation)";
  private static final ClassValue<OwnContinuation> CONTINUATIONS =
      new ClassValue<>() {
        @Override
        protected OwnContinuation computeValue(Class<?> type) {
          return OwnContinuation.of(type);
        }
      };

  private final String method;

  private SuspendResumption(String method) {
    this.method = method;
  }

  /**
   * For the activity id of a suspend function ({@code com.acme.Mailer#send(com.acme.Customer,
   * kotlin.coroutines.Continuation)}), its resumption test; null for any other method.
   */
  static SuspendResumption of(String activity) {
    int hash = activity.indexOf('#');
    int open = activity.indexOf('(', hash);
    if (hash < 0 || open < 0 || !activity.endsWith(CONTINUATION)) {
      return null;
    }
    char before = activity.charAt(activity.length() - CONTINUATION.length() - 1);
    return before == '(' || before == ',' ? new SuspendResumption(activity.substring(hash + 1, open)) : null;
  }

  /** Whether this entry of the function is it resuming, not a new call. */
  boolean resumes(Class<?> declaringType, Object[] arguments) {
    Object continuation = arguments.length == 0 ? null : arguments[arguments.length - 1];
    if (continuation == null) {
      return false;
    }
    OwnContinuation own = CONTINUATIONS.get(continuation.getClass());
    return own != null && own.function.getDeclaringClass() == declaringType
        && own.function.getName().equals(method)
        && own.function.getParameterCount() == arguments.length
        && own.resuming(continuation);
  }

  /** A continuation class Kotlin generated inside a function, and its state field. */
  private record OwnContinuation(Method function, Field label) {
    static OwnContinuation of(Class<?> type) {
      Method function;
      try {
        function = type.getEnclosingMethod();
      } catch (RuntimeException | LinkageError unresolvable) {
        return null;
      }
      if (function == null) {
        return null;
      }
      Field label;
      try {
        label = type.getDeclaredField("label");
        if (label.getType() != int.class || !label.trySetAccessible()) {
          label = null;
        }
      } catch (NoSuchFieldException | RuntimeException absent) {
        label = null;
      }
      return new OwnContinuation(function, label);
    }

    /**
     * The sign bit of {@code label}, which Kotlin sets just before it resumes the function; when
     * the field cannot be read, the function's own continuation is taken as its resumption (a
     * function that passes its own continuation to a new call of itself is the rare other case).
     */
    boolean resuming(Object continuation) {
      if (label == null) {
        return true;
      }
      try {
        return (label.getInt(continuation) & Integer.MIN_VALUE) != 0;
      } catch (IllegalAccessException | RuntimeException unreadable) {
        return true;
      }
    }
  }
}

package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.bootstrap.ConsentBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined into each {@code @ConsentRequired} method. It refers to nothing but the
 * bootstrap {@link ConsentBridge} and JDK types, so it links in any class loader.
 *
 * <p>Enter advice asks the gate and suppresses every {@code Throwable}: if the agent fails, the
 * method runs. A denial skips the body ({@code skipOn}); the exit advice, which does not suppress,
 * then throws the application's {@code ConsentDeniedException} that the gate built, or puts the
 * default value in place of the return value for {@code OnDenied.SKIP}. Throwing from the exit
 * rather than the enter advice is what keeps the deliberate denial out of the suppression.
 */
final class ConsentAdvice {
  private ConsentAdvice() {}

  /** For methods that return a value. */
  static final class OnValue {
    private OnValue() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(
        @ConsentRuleId int rule,
        @Advice.Origin Class<?> type,
        @Advice.AllArguments Object[] arguments) {
      return ConsentBridge.check(rule, type, arguments);
    }

    @Advice.OnMethodExit
    static void exit(
        @Advice.Enter Object denial,
        @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
      if (denial instanceof RuntimeException) {
        throw (RuntimeException) denial;
      }
      if (denial instanceof Object[]) {
        returned = ((Object[]) denial)[0];
      }
    }
  }

  /** For {@code void} methods. */
  static final class OnVoid {
    private OnVoid() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(
        @ConsentRuleId int rule,
        @Advice.Origin Class<?> type,
        @Advice.AllArguments Object[] arguments) {
      return ConsentBridge.check(rule, type, arguments);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter Object denial) {
      if (denial instanceof RuntimeException) {
        throw (RuntimeException) denial;
      }
    }
  }
}

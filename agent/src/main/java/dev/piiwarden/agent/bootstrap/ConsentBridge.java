package dev.piiwarden.agent.bootstrap;

import java.util.List;

/**
 * The one class that application code and the agent share. The agent puts it on the bootstrap
 * class path, so it is the same class whichever loader asks (plain class path, a nested jar, a
 * child-first loader), and it uses only JDK types, so it means the same on both sides.
 *
 * <p>Each enforced method calls {@link #enter} first; {@code dev.piiwarden.api.Consents} finds this
 * class by name in the bootstrap loader and calls the ledger methods. The agent sets {@link #gate} and
 * {@link #ledger} at start.
 */
public final class ConsentBridge {
  /** Decides each call of a {@code @ConsentRequired} method. */
  public interface Gate {
    /**
     * @return null to run the method; a {@code RuntimeException} to throw; a one-element {@code
     *     Object[]} holding the value to return without running the body
     */
    Object check(int rule, Class<?> declaringType, Object[] arguments);

    /**
     * A call that {@link #check} let run ended by throwing {@code failure}.
     *
     * @param arguments the arguments, or null when the method replaced them while it ran
     */
    default void failed(int rule, Class<?> declaringType, Object[] arguments, Throwable failure) {}
  }

  /**
   * The agent's ledger. A record is {@code {subject, purpose, state name, time (Instant), source,
   * expires (Instant or null)}}.
   */
  public interface Ledger {
    /** Records a grant. */
    Object[] grant(String subject, String purpose, String source);

    /** Records a withdrawal. */
    Object[] withdraw(String subject, String purpose, String source);

    /** Whether the purpose is granted. */
    boolean isGranted(String subject, String purpose);

    /** The subject's records, oldest first. */
    List<Object[]> history(String subject);
  }

  /**
   * Records an {@code access} event for one call of an inventory activity that is not {@code
   * @ConsentRequired} ({@code piiwarden.audit.access=all}).
   */
  public interface Access {
    /** Records the call; may throw, the bridge swallows it. */
    void accessed(int activity, Class<?> declaringType, Object[] arguments);

    /**
     * A call recorded by {@link #accessed} ended by throwing {@code failure}; may throw, the bridge
     * swallows it.
     *
     * @param arguments the arguments, or null when the method replaced them while it ran
     */
    default void failed(int activity, Class<?> declaringType, Object[] arguments, Throwable failure) {}
  }

  private static volatile Gate gate;
  private static volatile Access access;
  private static volatile Ledger ledger;

  private ConsentBridge() {}

  /** Called by the agent at start. */
  public static void install(Gate newGate, Ledger newLedger) {
    gate = newGate;
    ledger = newLedger;
  }

  /** Called by the agent at start when {@code piiwarden.audit.access=all}. */
  public static void installAccess(Access newAccess) {
    access = newAccess;
  }

  /**
   * Called first thing by each audited (not enforced) activity method. Never throws: the agent must
   * not break the application.
   */
  public static void access(int activity, Class<?> declaringType, Object[] arguments) {
    try {
      Access current = access;
      if (current != null) {
        current.accessed(activity, declaringType, arguments);
      }
    } catch (Throwable agentFailure) {
      // contained: the call goes on unaudited (the recorder reports its own failures)
    }
  }

  /**
   * Called by an audited (not enforced) activity method that ends by throwing {@code failure}, which
   * it then throws again. Never throws: the agent must not break the application.
   */
  public static void accessFailed(
      Throwable failure, int activity, Class<?> declaringType, Object[] arguments) {
    try {
      Access current = access;
      if (current != null) {
        current.failed(activity, declaringType, arguments, failure);
      }
    } catch (Throwable agentFailure) {
      // contained: the application's own exception goes on as it was
    }
  }

  /**
   * Called by an enforced method that ends by throwing {@code failure} after {@link #enter} let it
   * run, which it then throws again. Never throws: the agent must not break the application.
   */
  public static void failed(Throwable failure, int rule, Class<?> declaringType, Object[] arguments) {
    try {
      Gate current = gate;
      if (current != null) {
        current.failed(rule, declaringType, arguments, failure);
      }
    } catch (Throwable agentFailure) {
      // contained: the application's own exception goes on as it was
    }
  }

  /**
   * Called first thing by each enforced method. Throws the denial; returns null to run the method,
   * or a one-element {@code Object[]} holding the value to return without running the body. Any
   * other failure is swallowed, and the method runs: the agent must not break the application.
   */
  public static Object enter(int rule, Class<?> declaringType, Object[] arguments) {
    Object decision;
    try {
      Gate current = gate;
      decision = current == null ? null : current.check(rule, declaringType, arguments);
    } catch (Throwable agentFailure) {
      return null;
    }
    if (decision instanceof RuntimeException) {
      throw (RuntimeException) decision;
    }
    return decision instanceof Object[] ? decision : null;
  }

  /** The agent's ledger, or null before the agent has started. */
  public static Ledger ledger() {
    return ledger;
  }
}

package dev.piiwarden.api;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The data subject and the actor of the current thread.
 *
 * <p>The subject is the person whose data is processed; the actor is who processes it (a user, a
 * support agent, a service). Consent checks use the subject when a method's parameters do not name
 * it, and audit records name the actor.
 *
 * <pre>{@code
 * try (var scope = PrivacyContext.as("u-42").actor("support-agent-7")) {
 *   accounts.fetch(...);   // consent and audit see subject u-42, actor support-agent-7
 * }                        // the outer context is restored here
 * }</pre>
 *
 * <p>Scopes nest: closing a scope restores the context that was current when it was opened. An
 * inner scope that sets no actor keeps the outer one. Scopes closed out of order leave no closed
 * scope current: closing a scope while an inner one is open leaves the inner one current, and
 * closing that one then restores the nearest scope around it that is still open, if any.
 */
public final class PrivacyContext {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private PrivacyContext() {}

  /**
   * Makes {@code subjectId} the current data subject until the returned scope is closed.
   *
   * @throws NullPointerException if {@code subjectId} is null
   */
  public static Scope as(String subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    Scope outer = open(CURRENT.get());
    Scope scope = new Scope(outer, subjectId, outer == null ? null : outer.actor);
    CURRENT.set(scope);
    return scope;
  }

  /** Runs {@code action} with {@code subjectId} as the current data subject. */
  public static void runAs(String subjectId, Runnable action) {
    try (Scope ignored = as(subjectId)) {
      action.run();
    }
  }

  /** Calls {@code action} with {@code subjectId} as the current data subject and returns its result. */
  public static <T> T callAs(String subjectId, Callable<T> action) throws Exception {
    try (Scope ignored = as(subjectId)) {
      return action.call();
    }
  }

  /** The current data subject's id, if a scope is open on this thread. */
  public static Optional<String> currentSubject() {
    Scope scope = open(CURRENT.get());
    return scope == null ? Optional.empty() : Optional.of(scope.subject);
  }

  /** The current actor, if a scope with an actor is open on this thread. */
  public static Optional<String> currentActor() {
    Scope scope = open(CURRENT.get());
    return scope == null ? Optional.empty() : Optional.ofNullable(scope.actor);
  }

  /** {@code scope} or the nearest scope around it that is still open; null when none is. */
  private static Scope open(Scope scope) {
    while (scope != null && scope.closed) {
      scope = scope.outer;
    }
    return scope;
  }

  /** An open privacy context; closing it restores the one that was current before. */
  public static final class Scope implements AutoCloseable {
    private final Scope outer;
    private final String subject;
    private String actor;
    private volatile boolean closed;

    private Scope(Scope outer, String subject, String actor) {
      this.outer = outer;
      this.subject = subject;
      this.actor = actor;
    }

    /**
     * Sets who acts in this scope, for example {@code "support-agent-7"}, and returns this scope.
     *
     * @throws NullPointerException if {@code name} is null; the scope is closed first, since in
     *     {@code try (var scope = PrivacyContext.as(id).actor(name))} nothing else would close it
     */
    public Scope actor(String name) {
      if (name == null) {
        close();
        throw new NullPointerException("actor");
      }
      this.actor = name;
      return this;
    }

    /**
     * Restores the context that was current when this scope was opened. Closing twice has no
     * further effect.
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (CURRENT.get() != this) {
        return; // an inner scope is still open: it restores the nearest open one when it closes
      }
      Scope restored = open(outer);
      if (restored == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(restored);
      }
    }
  }
}

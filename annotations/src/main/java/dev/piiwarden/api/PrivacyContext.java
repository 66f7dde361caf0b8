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
 * inner scope that sets no actor keeps the outer one.
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
    Scope outer = CURRENT.get();
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
    Scope scope = CURRENT.get();
    return scope == null ? Optional.empty() : Optional.of(scope.subject);
  }

  /** The current actor, if a scope with an actor is open on this thread. */
  public static Optional<String> currentActor() {
    Scope scope = CURRENT.get();
    return scope == null ? Optional.empty() : Optional.ofNullable(scope.actor);
  }

  /** An open privacy context; closing it restores the one that was current before. */
  public static final class Scope implements AutoCloseable {
    private final Scope outer;
    private final String subject;
    private String actor;
    private boolean closed;

    private Scope(Scope outer, String subject, String actor) {
      this.outer = outer;
      this.subject = subject;
      this.actor = actor;
    }

    /** Sets who acts in this scope, for example {@code "support-agent-7"}, and returns this scope. */
    public Scope actor(String name) {
      this.actor = Objects.requireNonNull(name, "actor");
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
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}

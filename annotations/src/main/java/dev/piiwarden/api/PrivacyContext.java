package dev.piiwarden.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>The context belongs to one thread. Work handed to another thread takes it along when it is
 * wrapped: {@link #wrap(Runnable)} and {@link #wrap(Callable)} for one task, {@link
 * #wrap(ExecutorService)} and {@link #wrap(Executor)} for every task given to a pool:
 *
 * <pre>{@code
 * ExecutorService mailers = PrivacyContext.wrap(Executors.newFixedThreadPool(4));
 * try (var scope = PrivacyContext.as("u-42").actor("svc-crm")) {
 *   mailers.submit(() -> newsletter.send(body));            // runs as u-42, actor svc-crm
 *   CompletableFuture.supplyAsync(() -> accounts.fetch(), mailers);
 * }
 * }</pre>
 *
 * <p>Spring's {@code ThreadPoolTaskExecutor} takes {@code PrivacyContext::wrap} as its task
 * decorator.
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
    return push(outer, subjectId, outer == null ? null : outer.actor);
  }

  /** A new scope over {@code outer} (the thread's open one, or null), made current. */
  private static Scope push(Scope outer, String subject, String actor) {
    Scope scope = new Scope(outer, subject, actor);
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

  /**
   * {@code task} with the subject and actor current on this thread now: it runs with them on
   * whichever thread runs it, and that thread's own context is restored when it is done. When no
   * scope is open here, the task runs with no subject and no actor, whatever the running thread
   * has.
   *
   * @throws NullPointerException if {@code task} is null
   */
  public static Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    Captured captured = Captured.now();
    return () -> {
      try (Scope ignored = captured.enter()) {
        task.run();
      }
    };
  }

  /**
   * {@code task} with the subject and actor current on this thread now, as {@link #wrap(Runnable)}.
   *
   * @throws NullPointerException if {@code task} is null
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    Captured captured = Captured.now();
    return () -> {
      try (Scope ignored = captured.enter()) {
        return task.call();
      }
    };
  }

  /**
   * An executor that runs each task with the subject and actor current on the thread that gave
   * it the task ({@link #wrap(Runnable)} at {@code execute}).
   *
   * @throws NullPointerException if {@code executor} is null
   */
  public static Executor wrap(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(wrap(task));
  }

  /**
   * An executor service over {@code executor} whose tasks ({@code execute}, {@code submit}, {@code
   * invokeAll}, {@code invokeAny}) run with the subject and actor current on the thread that
   * submitted them. Shutting it down shuts {@code executor} down; {@code shutdownNow} returns the
   * tasks not started in their wrapped form.
   *
   * @throws NullPointerException if {@code executor} is null
   */
  public static ExecutorService wrap(ExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return new ContextExecutorService(executor);
  }

  /**
   * A scheduled executor service over {@code executor} whose tasks, those it runs once and those
   * it repeats ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}: every run), run with
   * the subject and actor current on the thread that scheduled or submitted them, as {@link
   * #wrap(ExecutorService)}.
   *
   * @throws NullPointerException if {@code executor} is null
   */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return new ContextScheduledExecutorService(executor);
  }

  /** The current data subject's id, if a scope is open on this thread. */
  public static Optional<String> currentSubject() {
    Scope scope = open(CURRENT.get());
    return scope == null ? Optional.empty() : Optional.ofNullable(scope.subject);
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

  /** A thread's subject and actor, taken at one moment, to be made current on another thread. */
  private static final class Captured {
    private final String subject;
    private final String actor;

    private Captured(String subject, String actor) {
      this.subject = subject;
      this.actor = actor;
    }

    static Captured now() {
      Scope scope = open(CURRENT.get());
      return scope == null ? new Captured(null, null) : new Captured(scope.subject, scope.actor);
    }

    /**
     * A scope with these values (both null: no subject and no actor, hiding the running
     * thread's own) over the running thread's context, which its closing restores.
     */
    Scope enter() {
      return push(open(CURRENT.get()), subject, actor);
    }
  }

  /** Hands every task, scheduled ones too, to another service wrapped with its scheduler's context. */
  private static final class ContextScheduledExecutorService extends ContextExecutorService
      implements ScheduledExecutorService {
    private final ScheduledExecutorService delegate;

    ContextScheduledExecutorService(ScheduledExecutorService delegate) {
      super(delegate);
      this.delegate = delegate;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      return delegate.schedule(wrap(task), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
      return delegate.schedule(wrap(task), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
      return delegate.scheduleAtFixedRate(wrap(task), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
      return delegate.scheduleWithFixedDelay(wrap(task), initialDelay, delay, unit);
    }
  }

  /** Hands every task to another executor service wrapped with its submitter's context. */
  private static class ContextExecutorService extends AbstractExecutorService {
    private final ExecutorService delegate;

    ContextExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
      delegate.execute(wrap(task));
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }

  /** An open privacy context; closing it restores the one that was current before. */
  public static final class Scope implements AutoCloseable {
    private final Scope outer;
    private final String subject; // null only in a wrapped task's scope that carries no context
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

package dev.piiwarden.agent.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.consent.ConsentStore;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.consent.ConsentStoreLoadingException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A consent store that answers within {@link #BOUND} or fails as unavailable, so that a database
 * that accepts connections and never answers, or a table held by a lock, cannot hold the
 * application's calls: the caller then follows {@code on-store-error} like for a store that is
 * down. Reads and writes run on one daemon thread of the agent's ({@code piiwarden-consent-store}),
 * made on first use. While a request is still out past its bound, later ones fail at once instead
 * of queueing behind it, so a hung store costs the application one bound, not one per call; the
 * store is used again as soon as that request returns (for PostgreSQL the agent gives the driver
 * timeouts of its own: {@link #withDriverTimeouts}).
 */
public final class TimeBoundStore implements ConsentStore {
  /** How long a read or write of the store may take before the caller goes on without it. */
  public static final Duration BOUND = Duration.ofSeconds(3);
  /** The PostgreSQL driver's own login and socket timeouts, in seconds, unless the URL sets them. */
  static final int DRIVER_TIMEOUT_SECONDS = 10;

  private final ConsentStore store;
  private final long boundNanos;
  private final ExecutorService worker;
  private final AtomicReference<Future<?>> outstanding = new AtomicReference<>();
  /** The read ahead started by {@link #load}, until a request found it done; else null. */
  private volatile Future<?> preload;
  /** Whether a request already waited a whole bound for the read ahead. */
  private volatile boolean preloadWaitedFor;

  TimeBoundStore(ConsentStore store, Duration bound) {
    this.store = store;
    this.boundNanos = bound.toNanos();
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), work -> {
      Thread thread = new Thread(work, "piiwarden-consent-store");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** {@code store} bounded by {@link #BOUND}; the in-memory store, which waits for nothing, as it is. */
  public static ConsentStore around(String uri, ConsentStore store) {
    return uri.equals("memory:") ? store : new TimeBoundStore(store, BOUND);
  }

  /**
   * A {@code jdbc:postgresql:} URL with {@code loginTimeout} and {@code socketTimeout} added where
   * it sets none (the driver's defaults wait forever), so that a request given up on also ends in
   * the driver and the store can be used again. Other URLs are returned unchanged.
   */
  public static String withDriverTimeouts(String uri) {
    if (!uri.startsWith("jdbc:postgresql:")) {
      return uri;
    }
    StringBuilder url = new StringBuilder(uri);
    for (String parameter : new String[] {"loginTimeout", "socketTimeout"}) {
      if (!uri.toLowerCase(Locale.ROOT).contains(parameter.toLowerCase(Locale.ROOT) + "=")) {
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=').append(DRIVER_TIMEOUT_SECONDS);
      }
    }
    return url.toString();
  }

  @Override
  public void append(ConsentRecord record) {
    call("write", () -> {
      store.append(record);
      return null;
    });
  }

  @Override
  public List<ConsentRecord> records(String subject) {
    return call("read", () -> store.records(subject));
  }

  /**
   * Starts reading the store ahead on the store's thread and returns at once, so that a large
   * {@code file:} ledger is loaded while the application starts. Requests made meanwhile wait for
   * it within their bound, and one that cannot is told the store is loading ({@link
   * ConsentStoreLoadingException}).
   */
  @Override
  public void load() {
    if (preload == null) {
      preload = worker.submit(() -> {
        store.load();
        return null;
      });
    }
  }

  @Override
  public Optional<String> loading() {
    return store.loading();
  }

  private <T> T call(String what, Callable<T> work) {
    Future<?> ahead = preload;
    if (ahead != null) {
      if (!ahead.isDone()) {
        if (preloadWaitedFor) {
          throw unavailable(what, "no answer yet", null);
        }
        try {
          within(ahead, boundNanos);
        } catch (TimeoutException e) {
          preloadWaitedFor = true;
          throw unavailable(what, "no answer within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms", e);
        } catch (ExecutionException e) {
          // the read ahead failed: the request below reads again and reports what is wrong
        }
      }
      preload = null;
    }
    Future<?> earlier = outstanding.get();
    if (earlier != null) {
      if (!earlier.isDone()) {
        throw unavailable(what, "an earlier request is still unanswered", null);
      }
      outstanding.compareAndSet(earlier, null);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    Future<T> answer = worker.submit(() -> {
      // the JDBC store finds an application's driver through the context class loader
      Thread.currentThread().setContextClassLoader(context);
      try {
        return work.call();
      } finally {
        Thread.currentThread().setContextClassLoader(null);
      }
    });
    try {
      return within(answer, boundNanos);
    } catch (TimeoutException e) {
      outstanding.set(answer);
      throw unavailable(what, "no answer within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ConsentStoreException("cannot " + what + " consent store " + describe(), cause);
    }
  }

  /**
   * {@code future}'s answer, waited for at most {@code boundNanos} whatever the calling thread's
   * interrupt status: a thread whose task was cancelled or whose pool is shutting down, or code
   * that restored the status after catching an interruption, would otherwise take a healthy store
   * for one that does not answer (a denial for {@code STORE_UNAVAILABLE}, a failed grant, an
   * outage reported). The status is set again before returning.
   */
  private static <T> T within(Future<T> future, long boundNanos) throws ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + boundNanos;
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true; // get cleared the status: the next wait is for the answer
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The store did not answer in time: said as loading while its first read is under way. */
  private ConsentStoreException unavailable(String what, String why, Throwable cause) {
    Optional<String> loading = store.loading();
    if (loading.isPresent()) {
      return new ConsentStoreLoadingException("cannot " + what + " consent store " + describe()
          + " yet: it is still being loaded at start (" + loading.get() + "), " + why, cause);
    }
    return new ConsentStoreException("cannot " + what + " consent store " + describe() + ": " + why, cause);
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    store.close();
  }
}

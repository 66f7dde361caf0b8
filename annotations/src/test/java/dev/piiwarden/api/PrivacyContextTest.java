package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrivacyContextTest {

  @Test
  void aScopeSetsSubjectAndActorUntilClosed() {
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    try (var scope = PrivacyContext.as("u-42").actor("support-agent-7")) {
      assertEquals(Optional.of("u-42"), PrivacyContext.currentSubject());
      assertEquals(Optional.of("support-agent-7"), PrivacyContext.currentActor());
    }
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    assertEquals(Optional.empty(), PrivacyContext.currentActor());
  }

  @Test
  void closingAnInnerScopeRestoresTheOuterOneAndActorsAreInherited() {
    try (var outer = PrivacyContext.as("u-1").actor("svc-crm")) {
      try (var inner = PrivacyContext.as("u-2")) {
        assertEquals(Optional.of("u-2"), PrivacyContext.currentSubject());
        assertEquals(Optional.of("svc-crm"), PrivacyContext.currentActor());
        inner.actor("dpo");
        assertEquals(Optional.of("dpo"), PrivacyContext.currentActor());
      }
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
      assertEquals(Optional.of("svc-crm"), PrivacyContext.currentActor());
    }
  }

  @Test
  void closingTwiceDoesNotDisturbTheOuterScope() {
    try (var outer = PrivacyContext.as("u-1")) {
      var inner = PrivacyContext.as("u-2");
      inner.close();
      inner.close();
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void theContextBelongsToOneThread() throws Exception {
    try (var scope = PrivacyContext.as("u-42")) {
      AtomicReference<Optional<String>> seen = new AtomicReference<>();
      Thread other = new Thread(() -> seen.set(PrivacyContext.currentSubject()));
      other.start();
      other.join();
      assertEquals(Optional.empty(), seen.get());
      assertEquals(Optional.of("u-42"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void runAsAndCallAsRestoreTheContextEvenWhenTheActionFails() throws Exception {
    assertEquals("u-9", PrivacyContext.callAs("u-9", () -> PrivacyContext.currentSubject().orElseThrow()));
    assertThrows(IllegalStateException.class, () -> PrivacyContext.runAs("u-9", () -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
  }

  @Test
  void aRefusedActorLeavesNoSubjectOnTheThread() {
    assertThrows(NullPointerException.class, () -> {
      try (var scope = PrivacyContext.as("request-1-user").actor(null)) {
        throw new AssertionError("not reached");
      }
    });
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
    try (var outer = PrivacyContext.as("u-1")) {
      assertThrows(NullPointerException.class, () -> PrivacyContext.as("u-2").actor(null));
      assertEquals(Optional.of("u-1"), PrivacyContext.currentSubject());
    }
  }

  @Test
  void scopesClosedOutOfOrderLeaveNoClosedScopeCurrent() {
    var outer = PrivacyContext.as("outer");
    var inner = PrivacyContext.as("inner");
    outer.close();
    assertEquals(Optional.of("inner"), PrivacyContext.currentSubject(), "the inner scope is still open");
    inner.close();
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());

    try (var base = PrivacyContext.as("base")) {
      var middle = PrivacyContext.as("middle");
      var top = PrivacyContext.as("top");
      middle.close();
      top.close();
      assertEquals(Optional.of("base"), PrivacyContext.currentSubject());
    }
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
  }

  @Test
  void aNullSubjectIsRefused() {
    assertThrows(NullPointerException.class, () -> PrivacyContext.as(null));
  }

  /** What a task sees: subject and actor, "-" for none. */
  private static String seen() {
    return PrivacyContext.currentSubject().orElse("-") + "/" + PrivacyContext.currentActor().orElse("-");
  }

  @Test
  void aWrappedTaskRunsWithTheContextOfTheThreadThatWrappedIt() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Runnable runnable;
      Callable<String> callable;
      AtomicReference<String> ran = new AtomicReference<>();
      try (var scope = PrivacyContext.as("u-42").actor("svc-crm")) {
        assertEquals("-/-", pool.submit(PrivacyContextTest::seen).get(), "unwrapped: the pool thread has none");
        assertEquals("u-42/svc-crm", pool.submit(PrivacyContext.wrap(PrivacyContextTest::seen)).get());
        runnable = PrivacyContext.wrap(() -> ran.set(seen()));
        callable = PrivacyContext.wrap(PrivacyContextTest::seen);
      }
      pool.submit(runnable).get();
      assertEquals("u-42/svc-crm", ran.get(), "the context of when it was wrapped, not of when it runs");
      try (var other = PrivacyContext.as("u-7")) {
        assertEquals("u-42/svc-crm", callable.call(), "run on a thread with a context of its own");
        assertEquals("u-7/-", seen(), "which is restored after the task");
      }
      assertEquals("-/-", pool.submit(PrivacyContextTest::seen).get(), "nothing is left on the pool thread");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTaskWrappedWithoutAContextRunsWithoutOneWhateverTheThreadHas() throws Exception {
    Callable<String> none = PrivacyContext.wrap(PrivacyContextTest::seen);
    try (var scope = PrivacyContext.as("u-1").actor("dpo")) {
      assertEquals("-/-", none.call());
      assertEquals("u-1/dpo", seen());
    }
  }

  @Test
  void aWrappedTaskRestoresTheThreadsContextWhenItFails() {
    Runnable failing;
    try (var scope = PrivacyContext.as("u-42")) {
      failing = PrivacyContext.wrap((Runnable) () -> {
        throw new IllegalStateException("boom");
      });
    }
    try (var own = PrivacyContext.as("u-7")) {
      assertThrows(IllegalStateException.class, failing::run);
      assertEquals("u-7/-", seen());
    }
    assertEquals(Optional.empty(), PrivacyContext.currentSubject());
  }

  @Test
  void aWrappedExecutorServiceGivesEachTaskItsSubmittersContext() throws Exception {
    ExecutorService pool = PrivacyContext.wrap(Executors.newFixedThreadPool(2));
    try {
      var first = PrivacyContext.as("u-1").actor("svc-a");
      var fromFirst = pool.submit(PrivacyContextTest::seen);
      var all = pool.invokeAll(List.of(PrivacyContextTest::seen, PrivacyContextTest::seen));
      var future = CompletableFuture.supplyAsync(PrivacyContextTest::seen, pool);
      first.close();
      var second = PrivacyContext.as("u-2");
      String fromSecond = pool.submit(PrivacyContextTest::seen).get();
      String any = pool.invokeAny(List.of(PrivacyContextTest::seen));
      second.close();
      assertEquals("u-1/svc-a", fromFirst.get());
      assertEquals("u-1/svc-a", all.get(0).get());
      assertEquals("u-1/svc-a", all.get(1).get());
      assertEquals("u-1/svc-a", future.get());
      assertEquals("u-2/-", fromSecond);
      assertEquals("u-2/-", any);
      assertEquals("-/-", pool.submit(PrivacyContextTest::seen).get());
    } finally {
      pool.shutdown();
    }
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(pool.isShutdown() && pool.isTerminated());
  }

  @Test
  void aWrappedExecutorGivesEachTaskItsSubmittersContext() throws Exception {
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      var executor = PrivacyContext.wrap((java.util.concurrent.Executor) threads);
      CompletableFuture<String> future;
      try (var scope = PrivacyContext.as("u-3")) {
        future = CompletableFuture.supplyAsync(PrivacyContextTest::seen, executor);
      }
      assertEquals("u-3/-", future.get());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aWrappedScheduledExecutorServiceGivesEachRunItsSchedulersContext() throws Exception {
    ScheduledExecutorService pool = PrivacyContext.wrap(Executors.newScheduledThreadPool(1));
    try {
      java.util.concurrent.BlockingQueue<String> repeated = new java.util.concurrent.LinkedBlockingQueue<>();
      ScheduledFuture<String> once;
      ScheduledFuture<?> fixedRate;
      ScheduledFuture<?> fixedDelay;
      try (var scope = PrivacyContext.as("u-5").actor("scheduler")) {
        once = pool.schedule(PrivacyContextTest::seen, 1, TimeUnit.MILLISECONDS);
        fixedRate = pool.scheduleAtFixedRate(() -> repeated.add("rate " + seen()), 0, 5, TimeUnit.MILLISECONDS);
      }
      try (var scope = PrivacyContext.as("u-6")) {
        fixedDelay = pool.scheduleWithFixedDelay(() -> repeated.add("delay " + seen()), 0, 5, TimeUnit.MILLISECONDS);
      }
      assertEquals("u-5/scheduler", once.get());
      // runs until each repeated task has run twice, or for ten seconds
      java.util.Map<String, Integer> runs = new java.util.TreeMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (runs.size() < 2 || runs.values().stream().anyMatch(count -> count < 2)) {
        String run = repeated.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (run == null) {
          break;
        }
        runs.merge(run, 1, Integer::sum);
      }
      java.util.Set<String> seen = runs.keySet();
      fixedRate.cancel(false);
      fixedDelay.cancel(false);
      assertEquals(java.util.Set.of("delay u-6/-", "rate u-5/scheduler"), seen, "every run, each its own");
      assertEquals("-/-", pool.schedule(PrivacyContextTest::seen, 0, TimeUnit.MILLISECONDS).get());
    } finally {
      pool.shutdown();
    }
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void nothingNullIsWrapped() {
    assertThrows(NullPointerException.class, () -> PrivacyContext.wrap((Runnable) null));
    assertThrows(NullPointerException.class, () -> PrivacyContext.wrap((Callable<?>) null));
    assertThrows(NullPointerException.class, () -> PrivacyContext.wrap((ExecutorService) null));
    assertThrows(NullPointerException.class, () -> PrivacyContext.wrap((ScheduledExecutorService) null));
    assertThrows(NullPointerException.class, () -> PrivacyContext.wrap((java.util.concurrent.Executor) null));
  }
}

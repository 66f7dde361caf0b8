package dev.piiwarden.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.consent.ConsentStore;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.consent.MemoryConsentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A store that hangs until released: given up on after the bound, then used again. */
class TimeBoundStoreTest {
  private static final ConsentRecord GRANT = new ConsentRecord(
      "u-1", "marketing", ConsentRecord.State.GRANTED, Instant.parse("2026-01-01T00:00:00Z"), "form", null);

  @Test
  void aHungReadFailsAsUnavailableLaterCallsFailAtOnceAndTheStoreIsUsedAgainOnceItAnswers() throws Exception {
    HangingStore hanging = new HangingStore();
    TimeBoundStore store = new TimeBoundStore(hanging, Duration.ofMillis(200));

    ConsentStoreException first = assertThrows(ConsentStoreException.class, () -> store.records("u-1"));
    assertEquals("cannot read consent store hanging:test: no answer within 200 ms", first.getMessage());
    ConsentStoreException second = assertThrows(ConsentStoreException.class, () -> store.append(GRANT));
    assertEquals("cannot write consent store hanging:test: an earlier request is still unanswered",
        second.getMessage());
    assertEquals(1, hanging.calls.get(), "the second call did not queue behind the first");

    hanging.release.countDown();
    hanging.answered.await();
    appendOnceTheEarlierRequestEnded(store);
    assertEquals(List.of(GRANT), store.records("u-1"));
    store.close();
  }

  /**
   * A thread whose interrupt status is set (a cancelled task, {@code shutdownNow}, code that
   * restored the status) still gets the store's answer, and keeps its status.
   */
  @Test
  void anInterruptedCallerGetsTheAnswerAndKeepsItsInterruptStatus() throws Exception {
    MemoryConsentStore records = new MemoryConsentStore();
    TimeBoundStore store = new TimeBoundStore(records, Duration.ofSeconds(3));
    Thread.currentThread().interrupt();
    try {
      store.append(GRANT);
      assertTrue(Thread.currentThread().isInterrupted(), "the status is kept after a write");
      assertEquals(List.of(GRANT), store.records("u-1"));
      assertTrue(Thread.currentThread().isInterrupted(), "the status is kept after a read");
    } finally {
      Thread.interrupted();
      store.close();
    }
  }

  @Test
  void aStoreStillLoadingAtStartIsReportedAsLoadingNotAsDown() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MemoryConsentStore records = new MemoryConsentStore();
    records.append(GRANT);
    ConsentStore slowToLoad = new ConsentStore() {
      volatile boolean loaded;

      @Override
      public void load() {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        loaded = true;
      }

      @Override
      public java.util.Optional<String> loading() {
        return loaded ? java.util.Optional.empty() : java.util.Optional.of("loading 117 MB, 40% done");
      }

      @Override
      public void append(ConsentRecord record) {
        records.append(record);
      }

      @Override
      public List<ConsentRecord> records(String subject) {
        return records.records(subject);
      }

      @Override
      public String describe() {
        return "file:/big.jsonl";
      }

      @Override
      public void close() {}
    };
    TimeBoundStore store = new TimeBoundStore(slowToLoad, Duration.ofMillis(1500));
    store.load(); // returns at once: the store loads on its own thread

    ConsentStoreException first = assertThrows(
        dev.piiwarden.core.consent.ConsentStoreLoadingException.class, () -> store.records("u-1"));
    assertEquals("cannot read consent store file:/big.jsonl yet: it is still being loaded at start"
        + " (loading 117 MB, 40% done), no answer within 1500 ms", first.getMessage());
    long before = System.nanoTime();
    assertThrows(dev.piiwarden.core.consent.ConsentStoreLoadingException.class, () -> store.records("u-1"));
    assertTrue(System.nanoTime() - before < Duration.ofMillis(1000).toNanos(),
        "a later request does not wait another bound");

    release.countDown();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (slowToLoad.loading().isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    assertEquals(List.of(GRANT), store.records("u-1"));
    store.close();
  }

  /**
   * The hung read has returned from the store; its request ends a moment later on the worker, and
   * until then a call still fails at once. Tries again for at most 5 s.
   */
  private static void appendOnceTheEarlierRequestEnded(TimeBoundStore store) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        store.append(GRANT);
        return;
      } catch (ConsentStoreException stillOut) {
        if (!stillOut.getMessage().endsWith("an earlier request is still unanswered")
            || System.nanoTime() > deadline) {
          throw stillOut;
        }
        Thread.sleep(5);
      }
    }
  }

  @Test
  void failuresOfTheStoreReachTheCallerAsTheyAre() {
    ConsentStoreException down = new ConsentStoreException("cannot read consent store x: refused");
    ConsentStore failing = new MemoryBacked() {
      @Override
      public List<ConsentRecord> records(String subject) {
        throw down;
      }
    };
    TimeBoundStore store = new TimeBoundStore(failing, Duration.ofSeconds(5));
    assertSame(down, assertThrows(ConsentStoreException.class, () -> store.records("u-1")));
    store.close();
  }

  @Test
  void theContextClassLoaderOfTheCallerIsTheWorkers() {
    ClassLoader caller = new ClassLoader(getClass().getClassLoader()) {};
    ClassLoader[] seen = new ClassLoader[1];
    ConsentStore recording = new MemoryBacked() {
      @Override
      public List<ConsentRecord> records(String subject) {
        seen[0] = Thread.currentThread().getContextClassLoader();
        return List.of();
      }
    };
    TimeBoundStore store = new TimeBoundStore(recording, Duration.ofSeconds(5));
    Thread.currentThread().setContextClassLoader(caller);
    try {
      store.records("u-1");
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
    assertSame(caller, seen[0], "a JDBC driver of the application is found through it");
    store.close();
  }

  @Test
  void postgresUrlsGetDriverTimeoutsUnlessTheySetThem() {
    assertEquals("jdbc:postgresql://db/app?loginTimeout=10&socketTimeout=10",
        TimeBoundStore.withDriverTimeouts("jdbc:postgresql://db/app"));
    assertEquals("jdbc:postgresql://db/app?user=a&socketTimeout=60&loginTimeout=10",
        TimeBoundStore.withDriverTimeouts("jdbc:postgresql://db/app?user=a&socketTimeout=60"));
    assertEquals("jdbc:h2:mem:x", TimeBoundStore.withDriverTimeouts("jdbc:h2:mem:x"));
    assertEquals("file:consent.jsonl", TimeBoundStore.withDriverTimeouts("file:consent.jsonl"));
  }

  @Test
  void theMemoryStoreIsNotWrapped() {
    MemoryConsentStore memory = new MemoryConsentStore();
    assertSame(memory, TimeBoundStore.around("memory:", memory));
    assertTrue(TimeBoundStore.around("file:x.jsonl", memory) instanceof TimeBoundStore);
  }

  /** Its first read waits until released; everything else is a memory store's. */
  private static final class HangingStore extends MemoryBacked {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch answered = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<ConsentRecord> records(String subject) {
      if (calls.incrementAndGet() == 1) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answered.countDown();
      }
      return super.records(subject);
    }

    @Override
    public void append(ConsentRecord record) {
      calls.incrementAndGet();
      super.append(record);
    }

    @Override
    public String describe() {
      return "hanging:test";
    }
  }

  /** A memory store to override parts of. */
  private abstract static class MemoryBacked implements ConsentStore {
    private final MemoryConsentStore memory = new MemoryConsentStore();

    @Override
    public void append(ConsentRecord record) {
      memory.append(record);
    }

    @Override
    public List<ConsentRecord> records(String subject) {
      return memory.records(subject);
    }

    @Override
    public String describe() {
      return memory.describe();
    }

    @Override
    public void close() {
      memory.close();
    }
  }
}

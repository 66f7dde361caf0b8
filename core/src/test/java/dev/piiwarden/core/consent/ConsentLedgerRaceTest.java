package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 threads grant, withdraw and decide on one ledger at once: no record is lost, the last record
 * per subject and purpose decides, and the ledger's cache agrees with its store after the race.
 */
class ConsentLedgerRaceTest {
  private static final int THREADS = 16;
  private static final List<String> SUBJECTS = List.of("u-1", "u-2", "u-3", "u-4", "u-5", "u-6");
  // None is an ancestor of another, so the last record about the purpose itself decides.
  private static final List<String> PURPOSES =
      List.of("marketing.communications.email", "analytics.reporting", "personalize.profiling");
  private static final Duration LONG_TTL = Duration.ofMinutes(10);

  @TempDir Path folder;

  private final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

  @Test
  void memoryStore() throws Exception {
    race(new MemoryConsentStore(), 2_000);
  }

  @Test
  void fileStore() throws Exception {
    Path file = folder.resolve("consent.jsonl");
    race(new FileConsentStore(file, warnings::add), 100);
    try (ConsentLedger reopened = new ConsentLedger(new FileConsentStore(file, warnings::add), Duration.ZERO)) {
      assertEquals(THREADS * 100, countAll(reopened), "records read back by a new store");
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      ConsentRecordJson.parse(line); // throws on a torn or glued line
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void postgresqlStore() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      // Each thread's writes and decisions go through one ledger and its one connection; a second
      // store on its own connection reads the result.
      race(new JdbcConsentStore(url), 100);
      try (ConsentLedger other = new ConsentLedger(new JdbcConsentStore(url), Duration.ZERO)) {
        assertEquals(THREADS * 100, countAll(other), "records read over another connection");
      }
    }
  }

  /**
   * A decision that read the store just before another thread's write must not put what it read
   * back into the cache after the write dropped it: the next decision has to see the write.
   */
  @Test
  void aLoadRacingAWriteDoesNotCacheTheOldRecords() throws Exception {
    CountDownLatch readDone = new CountDownLatch(1);
    CountDownLatch writeDone = new CountDownLatch(1);
    MemoryConsentStore memory = new MemoryConsentStore();
    ConsentStore slowReader = new ConsentStore() {
      private volatile boolean first = true;

      @Override
      public void append(ConsentRecord record) {
        memory.append(record);
      }

      @Override
      public List<ConsentRecord> records(String subject) {
        List<ConsentRecord> read = memory.records(subject);
        if (first) {
          first = false;
          readDone.countDown();
          await(writeDone); // the grant lands after this read and before its result is cached
        }
        return read;
      }

      @Override
      public String describe() {
        return "memory:";
      }

      @Override
      public void close() {}
    };
    ConsentLedger ledger = new ConsentLedger(slowReader, LONG_TTL);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<ConsentDecision> before = reader.submit(() -> ledger.decide("u-1", "marketing"));
      await(readDone);
      ledger.grant("u-1", "marketing", "settings");
      writeDone.countDown();
      assertEquals(Reason.NOT_GRANTED, before.get(10, TimeUnit.SECONDS).reason());
      assertTrue(ledger.isGranted("u-1", "marketing"), "the grant is seen at once");
    } finally {
      reader.shutdownNow();
    }
  }

  /**
   * Runs the race on {@code store} with {@code writesPerThread} writes per thread, then checks the
   * store's records through a ledger without cache and the racing ledger's cached decisions.
   */
  private void race(ConsentStore store, int writesPerThread) throws Exception {
    ConsentLedger ledger = new ConsentLedger(store, LONG_TTL);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<ConsentRecord>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<ConsentRecord>> work = () -> {
          SplittableRandom random = new SplittableRandom(thread);
          List<ConsentRecord> written = new ArrayList<>();
          start.await();
          for (int i = 0; i < writesPerThread; i++) {
            String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
            String purpose = PURPOSES.get(random.nextInt(PURPOSES.size()));
            String source = "t" + thread + "-" + i;
            written.add(random.nextBoolean()
                ? ledger.grant(subject, purpose, source)
                : ledger.withdraw(subject, purpose, source));
            // Decisions between the writes keep the cache loading while other threads write.
            ledger.decide(SUBJECTS.get(random.nextInt(SUBJECTS.size())),
                PURPOSES.get(random.nextInt(PURPOSES.size())));
            ledger.decide(subject, purpose);
          }
          return written;
        };
        results.add(pool.submit(work));
      }
      Set<String> writtenSources = new HashSet<>();
      for (Future<List<ConsentRecord>> result : results) {
        result.get(120, TimeUnit.SECONDS).forEach(record -> writtenSources.add(record.source()));
      }
      assertEquals(THREADS * writesPerThread, writtenSources.size());

      try (ConsentLedger fresh = new ConsentLedger(store, Duration.ZERO)) {
        Set<String> storedSources = new HashSet<>();
        int stored = 0;
        for (String subject : SUBJECTS) {
          List<ConsentRecord> history = fresh.history(subject);
          stored += history.size();
          Map<String, ConsentRecord> last = new HashMap<>();
          for (ConsentRecord record : history) {
            storedSources.add(record.source());
            last.put(record.purpose(), record);
          }
          for (String purpose : PURPOSES) {
            ConsentRecord decides = last.get(purpose);
            Reason expected = decides == null ? Reason.NOT_GRANTED
                : decides.state() == ConsentRecord.State.GRANTED ? null : Reason.WITHDRAWN;
            String what = subject + " " + purpose + " after " + (decides == null ? "no record" : decides.source());
            assertEquals(expected, reasonOf(fresh.decide(subject, purpose)), "store: " + what);
            assertEquals(expected, reasonOf(ledger.decide(subject, purpose)), "cache: " + what);
          }
        }
        assertEquals(THREADS * writesPerThread, stored, "no record lost or doubled");
        assertEquals(writtenSources, storedSources);
      }
    } finally {
      pool.shutdownNow();
      ledger.close();
    }
  }

  private static Reason reasonOf(ConsentDecision decision) {
    return decision.granted() ? null : decision.reason();
  }

  private static int countAll(ConsentLedger ledger) {
    int count = 0;
    for (String subject : SUBJECTS) {
      count += ledger.history(subject).size();
    }
    return count;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other thread did not get there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

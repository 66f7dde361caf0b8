package dev.piiwarden.benchmarks.audit;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditRecordFormat;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.ChainPosition;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.audit.HashChain;
import dev.piiwarden.core.audit.NoSink;
import dev.piiwarden.core.audit.JsonlSink;
import dev.piiwarden.core.audit.AuditSink;
import dev.piiwarden.core.audit.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit trail's throughput side by side with its floor: raw HMAC-SHA256 of the same bytes
 * (prev + the record without hash) on 1 and 4 threads; building an event (its canonical JSON is
 * built with it, on the caller's thread); the chain alone (seq, prev and HMAC on the writer
 * thread); and the whole trail (build, enqueue, one writer, sink none or jsonl without fsync) fed by
 * 1 and 4 threads, with the p50/p99/p99.9 time a caller spends in {@code record}.
 *
 * <pre>java -cp benchmarks.jar dev.piiwarden.benchmarks.audit.AuditThroughput [events] [rounds]</pre>
 *
 * A plain harness, not JMH: the trail's figure is a rate through a queue and a thread, which a
 * JMH operation does not model well. Each figure is the best of the rounds after one warm-up round.
 */
public final class AuditThroughput {
  private AuditThroughput() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    byte[] keyBytes = new byte[32];
    new SecureRandom().nextBytes(keyBytes);
    AuditKey key = AuditKey.of(keyBytes);
    String subject = new Pseudonymizer(key).pseudonym("u-42");
    AuditEvent event = event(subject);
    byte[] hashed = ("0".repeat(64) + AuditRecordFormat.unsealed(event, 123_456, "0".repeat(64)))
        .getBytes(StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "record: %d bytes hashed per event; %d events per run, best of %d%n",
        hashed.length, events, rounds);

    report("raw HMAC-SHA256, 1 thread", events, rounds, () -> rawHmac(keyBytes, hashed, events, 1));
    report("raw HMAC-SHA256, 4 threads", events, rounds, () -> rawHmac(keyBytes, hashed, events, 4));
    report("event built (caller side), 1 thread", events, rounds, () -> build(subject, events));
    report("chain only (writer side), 1 thread", events, rounds, () -> chainOnly(key, subject, events));
    report("trail, sink none, 1 caller", events, rounds, () -> trail(key, new NoSink(), subject, events, 1, null));
    report("trail, sink none, 4 callers", events, rounds, () -> trail(key, new NoSink(), subject, events, 4, null));
    Path folder = Files.createTempDirectory("piiwarden-audit-bench");
    report("trail, jsonl no fsync, 1 caller", events, rounds,
        () -> trail(key, jsonl(folder), subject, events, 1, null));
    report("trail, jsonl no fsync, 4 callers", events, rounds,
        () -> trail(key, jsonl(folder), subject, events, 4, null));
    long[] latencies = new long[events];
    trail(key, jsonl(folder), subject, events, 4, latencies);
    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT, "record() time, jsonl, 4 callers: p50 %d ns, p99 %d ns, p99.9 %d ns, max %d ns%n",
        latencies[events / 2], latencies[(int) (events * 0.99)], latencies[(int) (events * 0.999)],
        latencies[events - 1]);
  }

  private interface Run {
    long nanos() throws Exception;
  }

  private static void report(String name, int events, int rounds, Run run) throws Exception {
    run.nanos(); // warm-up
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      best = Math.min(best, run.nanos());
    }
    System.out.printf(Locale.ROOT, "%-40s %,12.0f events/s%n", name, events * 1e9 / best);
  }

  private static AuditSink jsonl(Path folder) throws Exception {
    Path file = folder.resolve("trail.jsonl");
    Files.deleteIfExists(file);
    return new JsonlSink(file, Long.MAX_VALUE);
  }

  private static long rawHmac(byte[] key, byte[] bytes, int events, int threads) throws Exception {
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(new Thread(() -> {
        try {
          Mac mac = Mac.getInstance("HmacSHA256");
          mac.init(new SecretKeySpec(key, "HmacSHA256"));
          byte sink = 0;
          for (int i = 0; i < events / threads; i++) {
            sink ^= mac.doFinal(bytes)[0];
          }
          if (sink == 42) {
            System.out.print("");
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      }));
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    done.await();
    return System.nanoTime() - start;
  }

  /** An access event as the agent builds one: a new object each time, its JSON built with it. */
  private static AuditEvent event(String subject) {
    return AuditEvent.of(AuditEventType.ACCESS)
        .subject(subject)
        .actor("support-agent-7")
        .purposes("essential.service")
        .activity("com.acme.Users#fetch(java.lang.String)")
        .categories("user.contact.email", "user.name")
        .build();
  }

  private static long build(String subject, int events) {
    long start = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < events; i++) {
      sink ^= event(subject).type().length();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == -1) {
      System.out.print("");
    }
    return elapsed;
  }

  private static long chainOnly(AuditKey key, String subject, int events) {
    AuditEvent[] built = new AuditEvent[events];
    for (int i = 0; i < events; i++) {
      built[i] = event(subject);
    }
    HashChain chain = new HashChain(key, ChainPosition.START);
    long start = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < events; i++) {
      sink ^= chain.seal(built[i]).hash().charAt(0);
    }
    long elapsed = System.nanoTime() - start;
    if (sink == -1) {
      System.out.print("");
    }
    return elapsed;
  }

  private static long trail(AuditKey key, AuditSink sink, String subject, int events, int callers,
      long[] latencies) throws Exception {
    AuditTrail trail = AuditTrail.start(key, sink, AuditTrailOptions.defaults()
        .fsync(FsyncPolicy.never()).closeTimeout(java.time.Duration.ofMinutes(5)));
    List<Thread> threads = new ArrayList<>();
    int each = events / callers;
    for (int c = 0; c < callers; c++) {
      int offset = c * each;
      threads.add(new Thread(() -> {
        for (int i = 0; i < each; i++) {
          AuditEvent event = event(subject);
          if (latencies == null) {
            trail.record(event);
          } else {
            long start = System.nanoTime();
            trail.record(event);
            latencies[offset + i] = System.nanoTime() - start;
          }
        }
      }));
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    if (!trail.shutdown()) {
      throw new IllegalStateException("not everything was written");
    }
    return System.nanoTime() - start;
  }
}

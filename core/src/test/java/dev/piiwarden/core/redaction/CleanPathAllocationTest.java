package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The scan of clean text allocates nothing: measured with the thread's allocation counter over
 * many calls after warm-up, so that one-off allocations of the JIT or the counter don't count.
 */
class CleanPathAllocationTest {
  private static final String[] CLEAN = {
    "GET /api/orders/42 took 17 ms, status=200, thread main-1",
    "2024-01-15T10:15:32.123Z INFO  c.a.OrderService - order 1700000000000 shipped, version 1.2.3.4",
    "java.lang.IllegalStateException: com.acme.Foo@1b6d3586 at com.acme.Foo.bar(Foo.java:42)",
    "uuid 123e4567-e89b-12d3-a456-426614174000 sha d41d8cd98f00b204e9800998ecf8427e price $1,234.56",
    "the password was reset by the token service on host:8080 after 1500ms, phone count 42",
  };

  @Test
  void cleanTextAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = threadBean();
    assumeTrue(threads != null && threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    Redactor redactor = Redactor.withDefaults();
    for (int i = 0; i < 200_000; i++) {
      String text = CLEAN[i % CLEAN.length];
      assertSame(text, redactor.redact(text));
    }
    long thread = Thread.currentThread().getId();
    int calls = 100_000;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < calls; i++) {
      redactor.redact(CLEAN[i % CLEAN.length]);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    System.out.printf("clean path: %d bytes allocated over %d calls (%.3f bytes per call)%n",
        allocated, calls, (double) allocated / calls);
    // a few hundred bytes of slack for the counter itself; one object per call would be >= 1.6 MB
    assertEquals(0, allocated / calls, "bytes allocated per clean call: " + allocated + " in all");
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
        ? (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean() : null;
  }
}

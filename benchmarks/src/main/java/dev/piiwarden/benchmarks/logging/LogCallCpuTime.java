package dev.piiwarden.benchmarks.logging;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The log call benchmarks' calls timed by the calling thread's CPU time rather than the wall
 * clock: on the shared build cores, a thread waiting for a core adds to JMH's wall time but not to
 * its CPU time. Runs 40 rounds of 100,000 calls in this JVM (start it with or without the agent)
 * and prints, for the last 20, the CPU nanoseconds per call (smallest and median) and the bytes
 * the thread allocated per call (median). The events go to a null stream, or with {@code file} to
 * a temporary file through the framework's file appender.
 *
 * <pre>
 * java [-javaagent:piiwarden-agent.jar=audit.sink=none] -cp benchmarks.jar \
 *     dev.piiwarden.benchmarks.logging.LogCallCpuTime logback|log4j|jul clean|personal [null-stream|file]
 * </pre>
 */
public final class LogCallCpuTime {
  private static final int ROUNDS = 40;
  private static final int MEASURED = 20;
  private static final int CALLS = 100_000;

  private LogCallCpuTime() {}

  /** A benchmark's tear-down. */
  private interface ThrowingRunnable {
    void run() throws java.io.IOException;
  }

  public static void main(String[] args) throws java.io.IOException {
    if (args.length < 2 || args.length > 3 || !args[0].matches("logback|log4j|jul")
        || !args[1].matches("clean|personal")
        || (args.length == 3 && !args[2].matches(LogMessages.NULL_STREAM + "|" + LogMessages.FILE))) {
      System.err.println("usage: LogCallCpuTime logback|log4j|jul clean|personal [null-stream|file]");
      System.exit(2);
    }
    boolean personal = args[1].equals("personal");
    String target = args.length == 3 ? args[2] : LogMessages.NULL_STREAM;
    Runnable call;
    ThrowingRunnable stop;
    if (args[0].equals("logback")) {
      LogbackCallBenchmark benchmark = new LogbackCallBenchmark();
      benchmark.target = target;
      benchmark.configure();
      call = personal ? benchmark::personal : benchmark::clean;
      stop = benchmark::stop;
    } else if (args[0].equals("jul")) {
      JulCallBenchmark benchmark = new JulCallBenchmark();
      benchmark.target = target;
      benchmark.configure();
      call = personal ? benchmark::personal : benchmark::clean;
      stop = benchmark::stop;
    } else {
      Log4jCallBenchmark benchmark = new Log4jCallBenchmark();
      benchmark.target = target;
      benchmark.configure();
      call = personal ? benchmark::personal : benchmark::clean;
      stop = benchmark::stop;
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double[] cpu = new double[MEASURED];
    double[] allocated = new double[MEASURED];
    for (int round = 0; round < ROUNDS; round++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long bytesBefore = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < CALLS; i++) {
        call.run();
      }
      if (round >= ROUNDS - MEASURED) {
        cpu[round - (ROUNDS - MEASURED)] = (threads.getCurrentThreadCpuTime() - cpuBefore) / (double) CALLS;
        allocated[round - (ROUNDS - MEASURED)] =
            (threads.getThreadAllocatedBytes(thread) - bytesBefore) / (double) CALLS;
      }
    }
    stop.run();
    Arrays.sort(cpu);
    Arrays.sort(allocated);
    System.out.printf("%s %s %s: CPU %.0f ns/call smallest, %.0f median (%.0f-%.0f); %.0f B/call median%n",
        args[0], args[1], target, cpu[0], (cpu[MEASURED / 2 - 1] + cpu[MEASURED / 2]) / 2, cpu[0], cpu[MEASURED - 1],
        (allocated[MEASURED / 2 - 1] + allocated[MEASURED / 2]) / 2);
  }
}

package dev.piiwarden.agent.report;

import dev.piiwarden.agent.audit.AgentAudit;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's voice: one line on stderr, prefixed {@code piiwarden:}, each kind of problem said
 * once with a count kept for the rest. Never a logging framework or JUL, which the application may
 * not have configured yet, and never personal data: callers pass class names, option names,
 * reasons and pseudonyms only.
 */
public final class AgentReport {
  private static final PrintStream ERR = System.err;
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();
  private static final AtomicLong PROBLEMS = new AtomicLong();

  private AgentReport() {}

  /**
   * Prints {@code piiwarden: <message>} the first time {@code key} is reported, and records it in
   * the audit trail as {@code agent.problem} (SPEC §6).
   */
  public static void once(String key, String message) {
    PROBLEMS.incrementAndGet();
    if (SAID.add(key)) {
      ERR.println("piiwarden: " + message);
      ERR.flush();
      AgentAudit.problem(message);
    }
  }

  /** Prints {@code piiwarden: <message>}, every time; for start-up and configuration lines. */
  public static void line(String message) {
    ERR.println("piiwarden: " + message);
    ERR.flush();
  }

  /** How many problems were reported, including repeats that were not printed. */
  public static long problems() {
    return PROBLEMS.get();
  }

  /** A short description of a throwable without its message, which may hold application data. */
  public static String describe(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    return t.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
  }
}

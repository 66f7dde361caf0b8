package dev.piiwarden.agent.report;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.core.text.ShownPath;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
  /** The files the options name, whose folder and file names may be personal data. */
  private static volatile String[] paths = new String[0];
  /** Those of {@link #paths} that hold personal data; null until the first line needs them. */
  private static volatile String[] personal;

  private AgentReport() {}

  /**
   * Prints {@code piiwarden: <message>} the first time {@code key} is reported, and records it in
   * the audit trail as {@code agent.problem} (SPEC §6).
   */
  public static void once(String key, String message) {
    PROBLEMS.incrementAndGet();
    if (SAID.add(key)) {
      String shown = shown(message);
      ERR.println("piiwarden: " + shown);
      ERR.flush();
      AgentAudit.problem(shown);
    }
  }

  /**
   * Prints {@code piiwarden: <message>} and records it as {@code agent.problem} every time it is
   * reported, counted as {@link #once} counts: for a problem each occurrence of which is news (a
   * second start of the agent).
   */
  public static void each(String message) {
    PROBLEMS.incrementAndGet();
    String shown = shown(message);
    ERR.println("piiwarden: " + shown);
    ERR.flush();
    AgentAudit.problem(shown);
  }

  /** Counts one more occurrence of a problem already said, as {@link #once} counts them. */
  public static void counted() {
    PROBLEMS.incrementAndGet();
  }

  /** Prints {@code piiwarden: <message>}, every time; for start-up and configuration lines. */
  public static void line(String message) {
    ERR.println("piiwarden: " + shown(message));
    ERR.flush();
  }

  /**
   * Names the files the options give (the ledger, the trail, the key file, the taxonomy and config
   * files), so that every line said from now on shows a folder or file name of theirs that is
   * personal data masked ({@code /srv/[REDACTED:email]/audit.jsonl}), however the line names the
   * file: the path as given, made absolute, or a file beside it such as the trail's lock file.
   */
  public static void maskPersonalPartsOf(String... files) {
    paths = files.clone();
    personal = null;
  }

  /** {@code text} with the personal parts of the files {@link #maskPersonalPartsOf} named masked. */
  public static String shown(String text) {
    String[] files = personal;
    if (files == null) {
      // found once, when the first line is said: the redaction engine is not set up at start for it
      List<String> found = new ArrayList<>();
      for (String path : paths) {
        if (!path.isEmpty() && !ShownPath.of(path).equals(path)) {
          found.add(path);
        }
      }
      files = found.toArray(new String[0]);
      personal = files;
    }
    String shown = text;
    for (String path : files) {
      shown = ShownPath.scrub(shown, path);
    }
    return shown;
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

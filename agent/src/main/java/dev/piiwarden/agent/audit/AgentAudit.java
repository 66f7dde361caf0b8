package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.consent.BundledDriver;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.redaction.AgentRedaction;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.JsonlSink;
import dev.piiwarden.core.audit.OverflowPolicy;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.TrailKeyCheck;
import dev.piiwarden.core.redaction.RedactionCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent's audit trail: opened at start from the {@code piiwarden.audit.*} options, {@code
 * agent.started} first, {@code agent.stopped} and a bounded flush from a shutdown hook. Other
 * parts of the agent add events through {@link #record} (and {@link ConsentAuditEvents}); the
 * trail's own problems go to stderr through {@link AgentReport}, once each.
 *
 * <p>The key file is the trail's ({@code piiwarden.audit.key-file}, default beside the jsonl
 * file): the subject pseudonyms in {@code ConsentDeniedException} and in the trail are the same.
 * With sink {@code none} and no key file, or one that does not exist, pseudonyms use a per-process
 * key and no file or folder is made.
 * A key file the trail cannot use (open to group or others, too short, not creatable), or one that
 * is missing or another key while the jsonl trail or the jdbc table already holds records, is a
 * configuration error: the JVM stops before {@code main}, as for any other wrong option. A
 * database that cannot be read at start is no error: its sink checks the key when it opens.
 */
public final class AgentAudit {
  /** How often log redaction's counts become a {@code redaction} event (and once at shutdown). */
  static final Duration REDACTION_INTERVAL = Duration.ofSeconds(60);

  private static final String VERSION = version();
  /** In {@code agent.started} and {@code agent.stopped}: a start without a stop names its run. */
  private static final long PID = ProcessHandle.current().pid();

  /** How long an event waits for the trail being opened before it is given up. */
  private static final long OPEN_WAIT_MILLIS = 10_000;

  private static volatile AuditTrail trail;
  private static volatile TrailOpening opening;
  private static volatile String keyFile = "";
  private static volatile AccessEvents access = AccessEvents.NONE;
  private static volatile boolean monitorOnly;
  private static final PeriodicAuditEvents PERIODIC = new PeriodicAuditEvents();
  private static final ProblemEvents PROBLEMS = new ProblemEvents();
  /** Held shared by each consent change while it writes the ledger and records its event; the shutdown takes it whole. */
  private static final ReentrantReadWriteLock CHANGES = new ReentrantReadWriteLock();
  /** How long the shutdown waits for the consent changes under way to record their events. */
  private static final long CHANGES_WAIT_MILLIS = 2_000;
  private static volatile boolean changesClosed;
  /** Set when the shutdown stopped waiting for the consent changes under way: theirs may come too late. */
  private static volatile boolean changesCutOff;

  private AgentAudit() {}

  /**
   * Checks the key file, then opens the trail and records {@code agent.started} on a thread of its
   * own, so that {@code main} does not wait for the sink, the writer thread or the HMAC's security
   * providers. Events recorded meanwhile wait for the trail and come after {@code agent.started}.
   * On an unusable key file or trail: one configuration error line, then the JVM halts at start-up,
   * or, attached, {@link Refused} is thrown before anything is started.
   */
  public static void start(AgentConfiguration configuration, boolean attached) {
    String sink = configuration.get(AgentOption.AUDIT_SINK);
    String configuredKey = configuration.get(AgentOption.AUDIT_KEY_FILE);
    access = AccessEvents.of(configuration.get(AgentOption.AUDIT_ACCESS));
    monitorOnly = configuration.monitorOnly();
    if (sink.equals("none") && configuredKey.isEmpty()) {
      return;
    }
    if (sink.equals("none") && !Files.exists(Path.of(configuredKey))) {
      // Nothing is written for a sink that is off: no key file, no folders for it.
      AgentReport.line(AgentOption.AUDIT_KEY_FILE.key() + " " + configuredKey + " does not exist"
          + " and is not created while " + AgentOption.AUDIT_SINK.key() + "=none; pseudonyms use a"
          + " per-process key. Create the key file, or choose an audit sink");
      return;
    }
    Path jsonlTrail = jsonlTrail(sink);
    Path key = keyFile(sink, configuredKey);
    String trailProblem = jsonlTrail != null && Files.isDirectory(jsonlTrail)
        ? AgentOption.AUDIT_SINK.key() + ": audit trail " + jsonlTrail + " is a folder;"
            + " give the path of the trail file itself, e.g. jsonl:"
            + jsonlTrail.resolve("piiwarden-audit.jsonl")
        : WritableTrailCheck.problem(sink);
    if (trailProblem != null) {
      // the key file's mode too, so that one start names both (nothing is created for it)
      List<String> problems = new ArrayList<>(List.of(trailProblem));
      existingKeyFileProblem(configuration).ifPresent(problems::add);
      throw refuse(attached, problems, null);
    }
    AuditKey loaded;
    try {
      // Checked here, on the caller's thread, so a bad key stops the start; creating a missing
      // key (first start only) is done here too, so its failure does as well.
      // Continuing an existing trail with another key (or a new one) would break its chain.
      if (jsonlTrail != null) {
        TrailKeyCheck.check(jsonlTrail, key);
      } else if (sink.startsWith("jdbc:")) {
        TableKeyAtStart.check(sink, BundledDriver.forStore(sink), key);
      }
      loaded = AuditKey.loadOrCreate(key);
    } catch (AuditException e) {
      throw refuse(attached, List.of(keyFileProblem(e)), e);
    }
    if (jsonlTrail != null) {
      try {
        // Bytes after the last record that no crash leaves: the writer would refuse to continue
        // after them and hold the application's events; stopping now loses none.
        JsonlSink.checkEnd(jsonlTrail);
      } catch (AuditException e) {
        throw refuse(attached, List.of(AgentOption.AUDIT_SINK.key() + ": " + e.getMessage()), e);
      }
    }
    // absolute, as agent.started records it: a relative name says nothing of the folder it was in
    keyFile = key.toAbsolutePath().toString();
    TrailOpening pending = new TrailOpening(configuration, sink, loaded, attached);
    opening = pending;
    pending.thread.start();
    Runtime.getRuntime().addShutdownHook(new Thread(new Stop(), "piiwarden-audit-stop"));
  }

  /**
   * The jsonl trail's file, absolute: the lines that name it (and the key file) say which folder
   * a relative name, the default one too, was taken in.
   */
  private static Path jsonlTrail(String sink) {
    return sink.startsWith("jsonl:") ? Path.of(sink.substring("jsonl:".length())).toAbsolutePath() : null;
  }

  /** The key file the options name, or the default one for the sink; absolute. */
  private static Path keyFile(String sink, String configuredKey) {
    return configuredKey.isEmpty()
        ? AuditKey.defaultFile(jsonlTrail(sink))
        : Path.of(configuredKey).toAbsolutePath();
  }

  /** The configuration error's text for a key file core refuses. */
  private static String keyFileProblem(AuditException e) {
    // core's messages serve the CLI too: the agent names its own option only
    return AgentOption.AUDIT_KEY_FILE.key() + ": "
        + e.getMessage().replace(" (--key-file or " + AgentOption.AUDIT_KEY_FILE.key() + ")", "");
  }

  /**
   * What makes a key file that is already there unusable (open to group or others, too short),
   * read without creating or changing anything: for a start that stops for another reason (a
   * ledger or trail others may write) to name this one too, rather than the next start.
   */
  public static Optional<String> existingKeyFileProblem(AgentConfiguration configuration) {
    String sink = configuration.get(AgentOption.AUDIT_SINK);
    String configuredKey = configuration.get(AgentOption.AUDIT_KEY_FILE);
    if (sink.equals("none") && configuredKey.isEmpty()) {
      return Optional.empty();
    }
    Path key = keyFile(sink, configuredKey);
    if (!Files.exists(key)) {
      return Optional.empty();
    }
    try {
      AuditKey.load(key);
      return Optional.empty();
    } catch (AuditException e) {
      return Optional.of(keyFileProblem(e));
    }
  }

  /**
   * A configuration error: one line for each problem, then the JVM halts at start-up; on attach,
   * the exception that refuses it is returned for the caller to throw.
   */
  private static Refused refuse(boolean attached, List<String> problems, AuditException cause) {
    List<String> lines = new ArrayList<>();
    for (String problem : problems) {
      String line = "piiwarden: " + AgentReport.shown("configuration error: " + problem);
      System.err.println(line);
      lines.add(line);
    }
    System.err.flush();
    if (!attached) {
      Runtime.getRuntime().halt(1);
    }
    return new Refused(String.join("\n", lines), cause);
  }

  /**
   * The audit options cannot be used: thrown by {@link #start} on attach, before anything is
   * started, with the line already printed as its message. The attach must fail as a whole.
   */
  public static final class Refused extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Refused(String line, AuditException cause) {
      super(line, cause);
    }
  }

  /**
   * Opens the trail, records {@code agent.started} before any other event can be recorded, and
   * starts the periodic {@code redaction} events; whoever asks for the trail meanwhile waits.
   */
  private static final class TrailOpening implements Runnable {
    private final AgentConfiguration configuration;
    private final String sink;
    private final AuditKey key;
    private final boolean attached;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;

    TrailOpening(AgentConfiguration configuration, String sink, AuditKey key, boolean attached) {
      this.configuration = configuration;
      this.sink = sink;
      this.key = key;
      this.attached = attached;
      this.thread = new Thread(this, "piiwarden-audit-start");
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        // read before this run's own records go in; said once the trail is open
        List<String> unstopped = sink.startsWith("jsonl:")
            ? UnstoppedRuns.in(Path.of(sink.substring("jsonl:".length()))) : List.of();
        AuditTrail opened = AuditTrail.open(AuditTrailOptions.defaults()
            .sink(sink)
            .key(key) // checked and read above: not read again
            .keyFile(Path.of(keyFile)) // named by a jdbc: sink that checks its table's key on open
            .overflow(OverflowPolicy.valueOf(
                configuration.get(AgentOption.AUDIT_OVERFLOW).toUpperCase(Locale.ROOT)))
            .problems(new TrailProblems())
            // jdbc:postgresql: works with the driver the agent carries, as the consent store does;
            // no other sink touches java.sql, which a small runtime may not have
            .jdbcDriver(sink.startsWith("jdbc:") ? BundledDriver.forStore(sink) : null)
            .ownLines(new AuditLinesForHooks()));
        opened.record(AuditEvent.of(AuditEventType.AGENT_STARTED)
            .detail("version", VERSION)
            .detail("pid", PID)
            .detail("attached", attached)
            .detail("config", SecretFreeConfiguration.of(configuration, keyFile))
            .build());
        PROBLEMS.opened(opened); // those reported before, right after agent.started
        trail = opened;
        for (String run : unstopped) {
          AgentReport.once("audit:" + run, run);
        }
        // Before the latch: a shutdown waiting for the trail then writes the last interval too.
        RedactionAuditEvents.every(REDACTION_INTERVAL, new RedactionCountsSource());
      } catch (Throwable failure) {
        // The key was usable a moment ago; whatever failed now leaves the application running
        // without a trail, as SPEC §6 asks of any failure that is not a configuration error.
        // an AuditException's message names the option or file and what to do, never personal data
        AgentReport.line("the audit trail could not be opened ("
            + (failure instanceof AuditException ? failure.getMessage() : AgentReport.describe(failure))
            + "); the application runs without one");
      } finally {
        done.countDown();
      }
    }

    /** Waits until the trail is open or has failed to open; false when that took too long. */
    boolean await(long millis) {
      if (Thread.currentThread() == thread) {
        // A problem reported while opening: the trail is not there yet, and waiting here would
        // wait for this very thread.
        return false;
      }
      try {
        return done.await(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** The trail's own problems: on stderr once each, never as events of the trail itself. */
  private static final class TrailProblems implements Consumer<String> {
    @Override
    public void accept(String problem) {
      AgentReport.once("audit:" + problem, problem);
    }
  }

  /** Log redaction's counts, reset each time: a named class, as a method reference would spin one. */
  private static final class RedactionCountsSource implements Supplier<RedactionCounts> {
    @Override
    public RedactionCounts get() {
      return AgentRedaction.snapshotAndReset();
    }
  }

  private static final class Stop implements Runnable {
    @Override
    public void run() {
      stop();
    }
  }

  /** The trail once it is open; null without one. Waits while it is being opened. */
  private static AuditTrail trail() {
    AuditTrail current = trail;
    if (current != null) {
      return current;
    }
    TrailOpening pending = opening;
    if (pending == null || !pending.await(OPEN_WAIT_MILLIS)) {
      return null;
    }
    return trail;
  }

  /** The key file subject pseudonyms are keyed with; empty for a per-process key. */
  public static String keyFile() {
    return keyFile;
  }

  /** Adds an event to the trail, if there is one. Never throws. */
  public static void record(AuditEvent event) {
    AuditTrail current = trail();
    if (current != null) {
      current.record(event);
    }
  }

  /**
   * Makes a consent change ({@code Consents.grant}, {@code withdraw}): {@code change} writes the
   * ledger and records its {@code consent.changed} event. At shutdown the trail is closed only
   * after the changes under way have recorded theirs (waiting at most 2 s), and a change that comes
   * later is refused before it writes the ledger, so that every ledger record has its event and
   * {@code piiwarden consent verify} pairs them all. Without a trail the change is simply made.
   *
   * @throws IllegalStateException when the trail has closed at shutdown; the ledger is unchanged
   */
  public static <T> T consentChange(Supplier<T> change) {
    if (trail() == null) {
      return change.get();
    }
    ReentrantReadWriteLock.ReadLock shared = CHANGES.readLock();
    shared.lock();
    try {
      if (changesClosed) {
        throw new IllegalStateException("piiwarden: the JVM is shutting down and the audit trail is closed:"
            + " a consent change is not written to the ledger without its consent.changed event; make it"
            + " again once the application runs");
      }
      T made = change.get();
      if (changesCutOff) {
        // written to the ledger, but the trail may have closed before its event: not a success
        AgentReport.each("a consent change was written to the ledger after the audit trail closed at"
            + " shutdown, without its consent.changed event ('piiwarden consent verify' shows it as not in"
            + " the trail)");
        throw new IllegalStateException("piiwarden: the JVM shut down while this consent change was being"
            + " written: it is in the ledger, but its consent.changed event may not be in the audit trail");
      }
      return made;
    } finally {
      shared.unlock();
    }
  }

  /**
   * Adds the event {@code source} gives every {@code interval} and once more at shutdown, before
   * {@code agent.stopped}; a null event is skipped. Runs on one daemon thread; without a trail it
   * does nothing.
   */
  public static void periodic(Duration interval, Supplier<AuditEvent> source) {
    if (trail() == null) {
      return;
    }
    PERIODIC.add(interval.toMillis(), source);
  }

  /**
   * Records a problem the agent reported on stderr (SPEC §6: contained, reported once on stderr and
   * as an audit event) as {@code agent.problem} with its {@code message}; one reported before the
   * trail is open is written right after {@code agent.started}. Messages name classes,
   * options and failure types, never personal data ({@link AgentReport}).
   */
  public static void problem(String message) {
    PROBLEMS.record(trail(), message);
  }

  /** The pseudonym of a subject id with the trail's key; null without a trail. */
  static String pseudonym(String subjectId) {
    AuditTrail current = trail();
    return current == null || subjectId == null ? null : current.pseudonymizer().pseudonym(subjectId);
  }

  static Pseudonymizer pseudonymizer() {
    AuditTrail current = trail();
    return current == null ? null : current.pseudonymizer();
  }

  static AccessEvents access() {
    return access;
  }

  static boolean monitorOnly() {
    return monitorOnly;
  }

  private static void stop() {
    AuditTrail current = trail();
    if (current == null) {
      return;
    }
    closeConsentChanges();
    // Recorded by the shutdown itself, within its time bound: a sink that fails with the queue
    // full (overflow block) must not hold the JVM's exit (SIGTERM) beyond the close timeout.
    List<AuditEvent> last = new ArrayList<>(PERIODIC.stopAndTakeLast());
    last.add(AuditEvent.of(AuditEventType.AGENT_STOPPED)
        .detail("version", VERSION)
        .detail("pid", PID)
        .detail("agentProblems", AgentReport.problems())
        .build());
    current.shutdown(last);
  }

  /**
   * Refuses the consent changes not yet begun, then lets those under way record their events (for
   * at most 2 s); one still under way after that is told it may have lost its event.
   */
  private static void closeConsentChanges() {
    changesClosed = true;
    ReentrantReadWriteLock.WriteLock whole = CHANGES.writeLock();
    boolean held = false;
    try {
      held = whole.tryLock(CHANGES_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (held) {
      whole.unlock();
    } else {
      changesCutOff = true;
    }
  }

  private static String version() {
    String version = AgentAudit.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }
}

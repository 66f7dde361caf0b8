package dev.piiwarden.core.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an {@link AuditTrail} is set up. The defaults are the SPEC's: {@code
 * jsonl:piiwarden-audit.jsonl}, the key file {@value AuditKey#DEFAULT_FILE_NAME} beside the audit
 * file (in the working folder for a sink that is not a file), overflow {@code block}; plus a
 * queue of 8192 events, fsync at most 1 s after a write, rotation at 64 MiB, 5 s to flush on close,
 * and problems printed on stderr.
 */
public final class AuditTrailOptions {
  /** The default sink. */
  public static final String DEFAULT_SINK = "jsonl:piiwarden-audit.jsonl";

  private String sink = DEFAULT_SINK;
  private Path keyFile;
  private AuditKey key;
  private OverflowPolicy overflow = OverflowPolicy.BLOCK;
  private int queueCapacity = 8192;
  private FsyncPolicy fsync = FsyncPolicy.every(Duration.ofSeconds(1));
  private long maxFileBytes = 64L << 20;
  private Duration closeTimeout = Duration.ofSeconds(5);
  private Path spoolFile;
  private java.sql.Driver jdbcDriver;
  private Consumer<String> problems = new StandardError();
  private OwnLineMarker ownLines = OwnLineMarker.NONE;

  /** The defaults. */
  public static AuditTrailOptions defaults() {
    return new AuditTrailOptions();
  }

  /** The sink URI ({@code piiwarden.audit.sink}): jsonl:, slf4j:, jdbc:, otlp: or none. */
  public AuditTrailOptions sink(String uri) {
    this.sink = Objects.requireNonNull(uri);
    return this;
  }

  /** The key file ({@code piiwarden.audit.key-file}); null for the default. */
  public AuditTrailOptions keyFile(Path file) {
    this.keyFile = file;
    return this;
  }
  /**
   * The key itself, already loaded (and checked) from the key file by the caller: the trail then
   * does not read the file again. Takes precedence over {@link #keyFile}.
   */
  public AuditTrailOptions key(AuditKey loaded) {
    this.key = Objects.requireNonNull(loaded);
    return this;
  }


  /** The overflow policy ({@code piiwarden.audit.overflow}). */
  public AuditTrailOptions overflow(OverflowPolicy policy) {
    this.overflow = Objects.requireNonNull(policy);
    return this;
  }

  /** How many events may wait for the writer. */
  public AuditTrailOptions queueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the audit queue needs room for at least one event");
    }
    this.queueCapacity = capacity;
    return this;
  }

  /** When records are forced to disk. */
  public AuditTrailOptions fsync(FsyncPolicy policy) {
    this.fsync = Objects.requireNonNull(policy);
    return this;
  }

  /** The size at which a jsonl file is rotated. */
  public AuditTrailOptions maxFileBytes(long bytes) {
    this.maxFileBytes = bytes;
    return this;
  }

  /** How long {@link AuditTrail#close} waits for queued events to be written. */
  public AuditTrailOptions closeTimeout(Duration timeout) {
    this.closeTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * A JDBC driver for the {@code jdbc:} sink that is not registered with {@code DriverManager} (the
   * agent's bundled PostgreSQL driver), tried first when it accepts the URL; null for none.
   */
  public AuditTrailOptions jdbcDriver(java.sql.Driver driver) {
    this.jdbcDriver = driver;
    return this;
  }

  /**
   * Where the otlp and jdbc sinks keep records while the collector or database is down; null for
   * the default, {@value OtlpSink#DEFAULT_SPOOL_NAME} beside the key file.
   */
  public AuditTrailOptions spoolFile(Path file) {
    this.spoolFile = file;
    return this;
  }

  /**
   * Where the trail reports its own problems (a sink failing, a torn record found), one line each,
   * never with personal data. The agent prints them on stderr.
   */
  public AuditTrailOptions problems(Consumer<String> listener) {
    this.problems = Objects.requireNonNull(listener);
    return this;
  }

  /**
   * How the {@code slf4j:} sink marks the lines it logs, so that a log redactor in the process
   * leaves them alone. The agent gives its hooks' marker; by default nothing is marked.
   */
  public AuditTrailOptions ownLines(OwnLineMarker marker) {
    this.ownLines = Objects.requireNonNull(marker);
    return this;
  }

  String sink() {
    return sink;
  }

  AuditKey key() {
    return key;
  }

  Path keyFile() {
    return keyFile;
  }

  OverflowPolicy overflow() {
    return overflow;
  }

  int queueCapacity() {
    return queueCapacity;
  }

  FsyncPolicy fsync() {
    return fsync;
  }

  long maxFileBytes() {
    return maxFileBytes;
  }

  Duration closeTimeout() {
    return closeTimeout;
  }

  Path spoolFile() {
    return spoolFile;
  }

  java.sql.Driver jdbcDriver() {
    return jdbcDriver;
  }

  Consumer<String> problems() {
    return problems;
  }

  OwnLineMarker ownLines() {
    return ownLines;
  }

  /** The default problem listener: one line on stderr. A class, not a lambda, which would spin one at start. */
  private static final class StandardError implements Consumer<String> {
    @Override
    public void accept(String line) {
      System.err.println("piiwarden: " + line);
    }
  }
}

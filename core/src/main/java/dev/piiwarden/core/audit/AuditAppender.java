package dev.piiwarden.core.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends events to a trail now, on the caller's thread, and fails instead of retrying: for a tool
 * that records one change and must say so when it could not (the CLI's {@code consent
 * grant|withdraw --audit}). The application's trail is {@link AuditTrail}, which never makes its
 * caller wait on the sink.
 *
 * <p>{@link #open} opens the sink at once and continues its chain as {@link AuditTrail} does (a torn
 * tail is acknowledged with {@code audit.recovered}), so what it appends verifies together with what
 * the agent wrote before. A {@code jsonl} file may be written by an agent at the same time: each
 * append takes the file's lock and chains after whatever the agent wrote last; a {@code jdbc} table
 * likewise (each append chains after the table's last row, and seals again when another writer's
 * insert got there first). Open the appender
 * before making the change it records, so that a sink that cannot be opened changes nothing.
 *
 * <pre>{@code
 * try (AuditAppender audit = AuditAppender.open(AuditTrailOptions.defaults().sink("jsonl:trail.jsonl"))) {
 *   ledger.grant(subject, purpose, source, null);
 *   audit.append(ConsentChangeEvents.changed(audit.pseudonymizer(), subject, "cli", purpose,
 *       ConsentChangeEvents.GRANTED, source));
 * }
 * }</pre>
 */
public final class AuditAppender implements AutoCloseable {
  private final AuditKey key;
  private final AuditSink sink;
  private HashChain chain;
  private final Pseudonymizer pseudonymizer;
  private final List<SealedRecord> pending = new ArrayList<>();
  private final Consumer<String> problems;

  private AuditAppender(AuditKey key, AuditSink sink, HashChain chain, Pseudonymizer pseudonymizer,
      Consumer<String> problems) {
    this.key = key;
    this.problems = problems;
    this.sink = sink;
    this.chain = chain;
    this.pseudonymizer = pseudonymizer;
  }

  /**
   * Loads or creates the key ({@link AuditTrailOptions#keyFile}, default as for {@link
   * AuditTrail}) and opens the sink.
   *
   * @throws AuditException for a bad sink URI or key file (a jsonl trail or a jdbc table with
   *     records is continued only with the key file it was written with; a jsonl trail that ends
   *     in bytes no crash leaves is not continued at all), or a sink that cannot be opened (a
   *     jsonl file that cannot be created, a database that is down); the message names the sink
   *     without credentials
   */
  public static AuditAppender open(AuditTrailOptions options) {
    SinkUri uri = SinkUri.parse(options.sink());
    AuditKey key = uri.key(options);
    uri.checkEnd();
    AuditSink sink = uri.newSink(options, key);
    AuditSink.Start start;
    try {
      start = sink.open();
    } catch (IOException | RuntimeException e) {
      closeQuietly(sink);
      throw new AuditException("cannot open audit sink " + sink.describe() + ": " + message(e), e);
    }
    AuditAppender appender = new AuditAppender(key, sink, new HashChain(key, start.position()),
        new Pseudonymizer(key), options.problems());
    if (start.torn() != null) {
      options.problems().accept("audit file " + start.torn().fileName() + ": line "
          + start.torn().line() + " holds a torn record (a crash while writing); an"
          + " audit.recovered record names it");
      appender.pending.add(appender.chain.seal(TrailWriter.recoveredEvent(key, start.torn())));
    }
    return appender;
  }

  /** The pseudonymizer with the trail's key: subjects go into events only through it. */
  public Pseudonymizer pseudonymizer() {
    return pseudonymizer;
  }

  /**
   * Seals the event into the chain, writes it and forces it to disk.
   *
   * @throws AuditException when the sink fails; a jsonl record cut short by the failure is found
   *     and acknowledged by the next writer of the file, as after a crash
   */
  public void append(AuditEvent event) {
    pending.add(chain.seal(event));
    try {
      for (int contended = 0; ; contended++) {
        try {
          AuditSink.Start moved = sink.claim();
          if (moved != null) {
            continueFrom(moved);
          }
          sink.write(pending);
          break;
        } catch (AuditSink.Shrunk e) {
          // cut by something else since it was opened: the chain goes on from this appender's own
          // last record, so the records removed show as a gap
          problems.accept(e.getMessage() + "; the chain goes on after seq "
              + (pending.get(0).seq() - 1) + ", the last record written, so 'piiwarden audit"
              + " verify' shows the records removed as a gap");
        } catch (AuditSink.Contended e) {
          // another writer of a shared table got there first: seal again after its records
          if (contended >= TrailWriter.MAX_CONTENDED) {
            throw e;
          }
        }
      }
      sink.sync();
      pending.clear();
    } catch (IOException | RuntimeException e) {
      throw new AuditException("cannot write to audit sink " + sink.describe() + ": " + message(e), e);
    }
  }

  /** Another writer appended since: what is held is sealed again after its last record. */
  private void continueFrom(AuditSink.Start start) {
    chain = TrailWriter.resealAfter(key, start, pending);
  }

  /** Releases the sink (and a jsonl file's lock). */
  @Override
  public void close() {
    try {
      sink.close();
    } catch (IOException e) {
      throw new AuditException("audit sink " + sink.describe() + " did not close cleanly: "
          + message(e), e);
    }
  }

  private static void closeQuietly(AuditSink sink) {
    try {
      sink.close();
    } catch (IOException | RuntimeException ignored) {
      // already failing: the open failure is the one to report
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

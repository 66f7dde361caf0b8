package dev.piiwarden.core.audit;

import java.io.IOException;
import java.util.List;

/**
 * Where sealed records go. The trail's one writer thread is the only caller, so a sink needs no
 * locking within a trail. A {@link #write} that throws is retried with the same batch, so a sink
 * must leave no partial batch behind it (truncate, roll back, or spool).
 *
 * <p>Each batch is written as {@link #claim}, then the batch sealed from where the chain stands,
 * then {@link #write}: a sink that other processes append to as well (a shared jsonl file) says in
 * {@code claim} where they left the chain.
 */
public interface AuditSink {
  /**
   * Opens the sink and says where its chain stands: {@link ChainPosition#START} for a new trail or
   * a sink that keeps no chain, else the last record it holds. Called once, before any write.
   */
  Start open() throws IOException;

  /**
   * Readies the sink for the next {@link #write}: where the chain stands when another writer
   * appended to it since this one's last batch (the writer then seals the batch from there), else
   * null. The default, for a sink only this writer appends to, is null.
   */
  default Start claim() throws IOException {
    return null;
  }

  /** Writes the records, in order; called after {@link #claim}. */
  void write(List<SealedRecord> batch) throws IOException;

  /** Forces what was written to stable storage, as far as the sink can. */
  void sync() throws IOException;

  /** Syncs and releases the sink. */
  void close() throws IOException;

  /** The sink for messages, e.g. {@code jsonl:audit/piiwarden-audit.jsonl}, without credentials. */
  String describe();

  /**
   * Thrown by {@link #write} when another writer appended the records this batch was sealed for
   * first (a key clash on {@code seq} in a shared table): nothing of the batch was written, and the
   * next {@link #claim} says where the chain stands now. The writer claims and writes again at once;
   * this is contention, not a failure of the sink.
   */
  final class Contended extends IOException {
    private static final long serialVersionUID = 1L;

    /** Another writer got there first; {@code cause} is the database's key clash. */
    public Contended(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Thrown by {@link #claim} when the sink holds fewer bytes than this writer left it with:
   * something else cut records out of it (a jsonl file truncated in place, by logrotate's {@code
   * copytruncate} say). Nothing of the batch was written and the lock is released; the sink now continues after
   * what is left, so the writer reports it, seals the batch again after its own last record (or
   * after {@code found}, when that is further on) and claims again.
   */
  final class Shrunk extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ChainPosition found;

    /**
     * @param message what shrank, from and to how many bytes
     * @param found where the chain stands at the end of what is left, or null when it holds no
     *     record: records another writer appended after the cut are continued, not forked from
     */
    public Shrunk(String message, ChainPosition found) {
      super(message);
      this.found = found;
    }

    /** Where the chain stands at the end of what is left, or null when it holds no record. */
    public ChainPosition found() {
      return found;
    }
  }

  /**
   * Where a sink's chain stands when opened.
   *
   * @param position the last record's seq and hash
   * @param torn what follows that record when the last write was cut short (a crash), or null
   */
  record Start(ChainPosition position, TornTail torn) {
    /** A new chain, nothing torn. */
    public static final Start NEW = new Start(ChainPosition.START, null);
  }

  /**
   * The bytes after the last complete record of a trail file: what a crash left of a record.
   *
   * @param fileName the file's name (no folder: the trail names no machine paths)
   * @param line the 1-based line where the torn bytes start
   * @param bytes the torn bytes, without any newline the restart added after them
   */
  record TornTail(String fileName, long line, byte[] bytes) {}
}

package dev.piiwarden.core.audit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chain-keeping sink that other writers may share (a {@code jdbc:} table), with a local spool
 * for when it cannot be reached: a batch it cannot take goes to the spool file (forced to disk,
 * mode 0600), so a database that is down holds no thread of the application and a JVM that dies
 * meanwhile loses nothing. While the spool holds records, every batch goes after them, and at most
 * once a second the sink is tried again: the spooled records are sealed again after the sink's last
 * record (its chain went on without them, other writers may have appended) and written in chunks,
 * each cut from the spool once written; then the writer seals its own batch after them. A spool
 * left by an earlier run is written the same way when the sink opens. Delivery is at least once: a
 * chunk whose commit was lost with the connection is written again.
 *
 * <p>Only a spool that cannot be written fails a write (the trail then holds events and its
 * overflow policy applies). A sink that refuses its records for another reason than being
 * unreachable (an {@link AuditException}: a table written with another key) is not spooled around:
 * that fails as before, since spooling would hide it.
 */
final class SpooledSink implements AuditSink {
  private static final int REPLAY_CHUNK = 1024;
  private static final long RETRY_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final AuditSink sink;
  private final SpoolFile spool;
  private final AuditKey key;
  private final Consumer<String> problems;
  private boolean opened;
  private boolean down;
  private long outages;
  /** Where the sink's chain stands after what this writer read or wrote last. */
  private ChainPosition position = ChainPosition.START;
  private long lastTryNanos;

  SpooledSink(AuditSink sink, SpoolFile spool, AuditKey key, Consumer<String> problems) {
    this.sink = sink;
    this.spool = spool;
    this.key = key;
    this.problems = problems;
  }

  /**
   * Opens the sink and writes what an earlier run spooled; when the sink cannot be reached, the
   * writer begins a chain of its own, which is sealed again when the records are delivered.
   */
  @Override
  public Start open() throws IOException {
    return reach() ? new Start(position, null) : Start.NEW;
  }

  /**
   * While records are spooled: once a second, tries the sink and writes them; when it took them,
   * says where its chain stands now (the writer's batch goes after them). Else the sink's own claim,
   * and a sink that cannot be read turns to the spool.
   */
  @Override
  public Start claim() throws IOException {
    if (down || !opened) {
      if (System.nanoTime() - lastTryNanos < RETRY_EVERY_NANOS || !reach()) {
        return null;
      }
      return new Start(position, null);
    }
    try {
      Start moved = sink.claim();
      if (moved != null) {
        position = moved.position();
      }
      return moved;
    } catch (IOException e) {
      goneDown(e);
      return null;
    }
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    if (!down && opened) {
      try {
        sink.write(batch);
        if (!batch.isEmpty()) {
          SealedRecord last = batch.get(batch.size() - 1);
          position = new ChainPosition(last.seq(), last.hash());
        }
        return;
      } catch (Contended e) {
        throw e; // another writer got there first: the writer claims and seals again
      } catch (IOException e) {
        goneDown(e);
      }
    }
    List<String> lines = new ArrayList<>(batch.size());
    for (SealedRecord record : batch) {
      lines.add(record.line());
    }
    spool.locked(() -> {
      spool.append(lines);
      return null;
    });
  }

  @Override
  public void sync() throws IOException {
    if (!down && opened) {
      sink.sync();
    }
  }

  /** Tries the sink once more for what is spooled; what is left stays for the next run. */
  @Override
  public void close() throws IOException {
    try {
      if (down || !opened) {
        reach();
      }
    } finally {
      sink.close();
    }
    if (down) {
      problems.accept(spool.leftAtExit(sink.describe()));
    }
  }

  @Override
  public String describe() {
    return sink.describe();
  }

  /**
   * Opens the sink if it is not open and writes the spool to it; true when the spool is empty now.
   * A failure turns (or keeps) the sink down.
   */
  private boolean reach() throws IOException {
    lastTryNanos = System.nanoTime();
    try {
      if (!opened) {
        position = sink.open().position();
        opened = true;
      }
      long written = replay();
      if (down) {
        down = false;
        problems.accept("audit sink " + describe() + " works again"
            + (outages == 1 ? "" : " after outage " + outages) + "; " + written
            + " spooled audit records were written to it");
      }
      return true;
    } catch (IOException e) {
      goneDown(e);
      return false;
    }
  }

  /** Writes the spooled records after the sink's last record, chunk by chunk; how many. */
  private long replay() throws IOException {
    if (spool.isEmpty()) {
      return 0; // (the usual case: no lock file made for it)
    }
    return spool.locked(() -> {
      List<RecordLine> spooled = spool.read();
      int written = 0;
      try {
        while (written < spooled.size()) {
          List<RecordLine> chunk =
              spooled.subList(written, Math.min(spooled.size(), written + REPLAY_CHUNK));
          deliver(chunk);
          written += chunk.size();
        }
      } finally {
        if (written > 0) {
          spool.replaceWith(new ArrayList<>(spooled.subList(written, spooled.size())));
        }
      }
      return (long) written;
    });
  }

  /** Seals the records after the sink's last one and writes them; again when another writer was first. */
  private void deliver(List<RecordLine> chunk) throws IOException {
    for (int contended = 0; ; contended++) {
      Start moved = sink.claim();
      if (moved != null) {
        position = moved.position();
      }
      HashChain chain = new HashChain(key, position);
      List<SealedRecord> sealed = new ArrayList<>(chunk.size());
      for (RecordLine record : chunk) {
        AuditEvent event = AuditEvent.restored(record);
        if (event != null) {
          sealed.add(chain.seal(event));
        } else {
          // not as the writer spools it (edited by hand): said, and not let block the rest
          problems.accept("spool file " + spool.path() + " holds a line that is no record as the"
              + " writer spools it (seq " + record.seq() + "); it is left out");
        }
      }
      try {
        sink.write(sealed);
        position = chain.position();
        return;
      } catch (Contended e) {
        if (contended >= TrailWriter.MAX_CONTENDED) {
          throw e;
        }
      }
    }
  }

  private void goneDown(IOException e) {
    if (!down) {
      down = true;
      outages++;
      problems.accept("audit sink " + describe() + " failed"
          + (outages == 1 ? " (" : " again, outage " + outages + " (") + e + "); the application"
          + " goes on, audit records are kept in spool file " + spool.path() + " and written to"
          + " the sink when it works again");
    }
  }

  /** How many records the spool holds, or -1 when it cannot be read now (the count is only said). */
}

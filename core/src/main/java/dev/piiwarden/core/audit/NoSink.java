package dev.piiwarden.core.audit;

import java.util.List;

/** The {@code none} sink: the trail is off and records go nowhere. */
public final class NoSink implements AuditSink {
  @Override
  public Start open() {
    return Start.NEW;
  }

  @Override
  public void write(List<SealedRecord> batch) {
    // Nothing to write to: sink "none" was chosen.
  }

  @Override
  public void sync() {
    // Nothing written, nothing to force.
  }

  @Override
  public void close() {
    // Nothing held.
  }

  @Override
  public String describe() {
    return "none";
  }
}

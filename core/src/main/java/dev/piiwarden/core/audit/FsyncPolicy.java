package dev.piiwarden.core.audit;

import java.time.Duration;

/**
 * When the writer forces records to stable storage.
 *
 * @param interval {@link Duration#ZERO} for every record (each batch the writer takes is synced
 *     before the next is taken), a positive duration for at most that long between a write and its
 *     sync, or null for never (the operating system decides; for tests and benchmarks)
 */
public record FsyncPolicy(Duration interval) {
  /** Sync after every batch of records, before the next is taken. */
  public static FsyncPolicy everyRecord() {
    return new FsyncPolicy(Duration.ZERO);
  }

  /** Sync at most {@code interval} after a write. */
  public static FsyncPolicy every(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("an fsync interval must be positive");
    }
    return new FsyncPolicy(interval);
  }

  /** Never sync explicitly. */
  public static FsyncPolicy never() {
    return new FsyncPolicy(null);
  }
}

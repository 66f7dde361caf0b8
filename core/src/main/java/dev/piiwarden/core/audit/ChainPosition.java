package dev.piiwarden.core.audit;

/**
 * Where a chain stands: the {@code seq} and {@code hash} of its last record. The next record gets
 * {@code seq + 1} and {@code prev = hash}.
 *
 * @param seq the last record's seq, 0 before the first record
 * @param hash the last record's hash, 64 zeros before the first record
 */
public record ChainPosition(long seq, String hash) {
  /** The position before the first record. */
  public static final ChainPosition START = new ChainPosition(0, "0".repeat(64));
}

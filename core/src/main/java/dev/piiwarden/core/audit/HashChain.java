package dev.piiwarden.core.audit;

/**
 * Numbers and chains events: each gets the next {@code seq}, {@code prev} = the last hash, and
 * {@code hash} = HMAC-SHA256(key, prev + the record without hash). Used by one thread at a time.
 */
public final class HashChain {
  private final KeyedHash hash;
  private long seq;
  private String last;

  /** A chain continuing after {@code position}. */
  public HashChain(AuditKey key, ChainPosition position) {
    this.hash = key.hash();
    this.seq = position.seq();
    this.last = position.hash();
  }

  /** The event as the next record of the chain. */
  public SealedRecord seal(AuditEvent event) {
    long next = seq + 1;
    String unsealed = AuditRecordFormat.unsealed(event, next, last);
    String digest = hash.hex(last, unsealed);
    SealedRecord record =
        new SealedRecord(event, next, last, digest, AuditRecordFormat.sealed(unsealed, digest));
    seq = next;
    last = digest;
    return record;
  }

  /** Where the chain stands after the last sealed record. */
  public ChainPosition position() {
    return new ChainPosition(seq, last);
  }
}

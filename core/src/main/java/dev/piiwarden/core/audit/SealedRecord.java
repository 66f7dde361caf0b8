package dev.piiwarden.core.audit;

/**
 * A record as written: the event, its place in the chain and its canonical line (without newline).
 *
 * @param event the event
 * @param seq its number in the trail, from 1
 * @param prev the hash of the record before it
 * @param hash its own hash
 * @param line the canonical JSON line
 */
public record SealedRecord(AuditEvent event, long seq, String prev, String hash, String line) {}

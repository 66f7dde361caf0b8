package dev.piiwarden.cli.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.consent.ConsentDecision;
import java.util.List;

/**
 * What {@code consent list} found: the subject's records in ledger order and one decision per
 * purpose named in them (or asked for).
 *
 * @param subject the subject asked about
 * @param store the store, without credentials
 * @param history the records, oldest first
 * @param current one decision per purpose, sorted by purpose
 */
record ConsentListing(
    String subject, String store, List<ConsentRecord> history, List<ConsentDecision> current) {

  /** {@code GRANTED}, or why not: {@code WITHDRAWN}, {@code EXPIRED}, {@code NOT_GRANTED}. */
  static String state(ConsentDecision decision) {
    return decision.granted() ? "GRANTED" : decision.reason().name();
  }
}

package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import dev.piiwarden.api.ConsentRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The decision rule of the ledger: among a subject's records about the purpose or one of its
 * ancestors, the last one in ledger order decides. See the package documentation.
 */
final class LatestRecordRule {
  private LatestRecordRule() {}

  static ConsentDecision decide(
      List<ConsentRecord> records, String purpose, PurposeLineage lineage, Instant now) {
    Set<String> covering = new HashSet<>(lineage.of(purpose));
    for (int i = records.size() - 1; i >= 0; i--) {
      ConsentRecord record = records.get(i);
      if (!covering.contains(record.purpose())) {
        continue;
      }
      if (record.state() == ConsentRecord.State.WITHDRAWN) {
        return ConsentDecision.denied(purpose, Reason.WITHDRAWN);
      }
      if (record.expires() != null && !now.isBefore(record.expires())) {
        return ConsentDecision.denied(purpose, Reason.EXPIRED);
      }
      return ConsentDecision.grantedUntil(purpose, record.expires());
    }
    return ConsentDecision.denied(purpose, Reason.NOT_GRANTED);
  }
}

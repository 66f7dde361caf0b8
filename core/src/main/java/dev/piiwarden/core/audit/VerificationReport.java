package dev.piiwarden.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found.
 *
 * @param records how many records verified before the first finding (all of them when none)
 * @param last the seq and hash of the last record that verified
 * @param finding the first bad record, if any
 * @param notes things an auditor should know that are not damage: torn records from a crash that
 *     the restarted writer acknowledged in the chain
 */
public record VerificationReport(
    long records, ChainPosition last, Optional<Finding> finding, List<String> notes) {
  /** Whether the chain verified. */
  public boolean ok() {
    return finding.isEmpty();
  }
}

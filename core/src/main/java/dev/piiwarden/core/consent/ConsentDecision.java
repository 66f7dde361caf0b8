package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentDeniedException.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * The ledger's answer for one subject and purpose.
 *
 * @param granted whether the purpose may be processed
 * @param reason why not, or null when granted
 * @param purpose the purpose that was asked about (for a set of purposes: the first one denied)
 * @param expires when a grant lapses, or null; a cached decision is not used past it
 */
public record ConsentDecision(boolean granted, Reason reason, String purpose, Instant expires) {

  /** Checks that a denial has a reason and a grant has none. */
  public ConsentDecision {
    Objects.requireNonNull(purpose, "purpose");
    if (granted == (reason != null)) {
      throw new IllegalArgumentException("a denial needs a reason, a grant has none");
    }
  }

  static ConsentDecision grantedUntil(String purpose, Instant expires) {
    return new ConsentDecision(true, null, purpose, expires);
  }

  static ConsentDecision denied(String purpose, Reason reason) {
    return new ConsentDecision(false, reason, purpose, null);
  }

  /** Whether this decision still holds at {@code now} (a grant with an expiry lapses). */
  boolean validAt(Instant now) {
    return expires == null || now.isBefore(expires);
  }
}

package dev.piiwarden.api.spi;

import dev.piiwarden.api.ConsentRecord;
import java.util.List;

/**
 * The consent ledger behind {@link dev.piiwarden.api.Consents}. The agent installs one; without the
 * agent, one is found with {@link java.util.ServiceLoader}.
 */
public interface ConsentBackend {
  /** Records a grant and returns the record written. */
  ConsentRecord grant(String subject, String purpose, String source);

  /** Records a withdrawal and returns the record written. */
  ConsentRecord withdraw(String subject, String purpose, String source);

  /** Whether {@code purpose} is currently granted for {@code subject}, parents covering children. */
  boolean isGranted(String subject, String purpose);

  /** Every record about {@code subject}, oldest first. */
  List<ConsentRecord> history(String subject);
}

package dev.piiwarden.samples.accounts.service;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.api.Consents;
import dev.piiwarden.api.PersonalDataExport;
import dev.piiwarden.api.spi.AgentLedgerBackend;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Grants, withdrawals and history through PII Warden's ledger ({@link Consents}): the agent's when
 * it is attached, else piiwarden-core's configured store when core is on the class path. Without
 * either, every call fails with {@link AccountException.Kind#UNAVAILABLE}: a consent that cannot
 * be recorded must not look recorded.
 *
 * <p>The ledger outlives an erasure (it is the proof of what was agreed), so the free-text source a
 * client sends ("phone call from +44 …") is recorded as PII Warden's redaction engine renders it
 * ({@link PersonalDataExport#redact}): the phone number, e-mail address or card number in it never
 * reaches the ledger.
 */
public final class ConsentService {
  private static final Pattern PURPOSE = Pattern.compile("[a-z_]+(\\.[a-z_]+)*");

  /** Whether the PII Warden agent runs in this JVM (and so enforces {@code @ConsentRequired}). */
  public static boolean agentAttached() {
    try {
      return AgentLedgerBackend.find().isPresent();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  public ConsentRecord grant(String userId, String purpose, String source) {
    checkPurpose(purpose);
    return ledger(() -> Consents.grant(userId, purpose, PersonalDataExport.redact(source)));
  }

  public ConsentRecord withdraw(String userId, String purpose, String source) {
    checkPurpose(purpose);
    return ledger(() -> Consents.withdraw(userId, purpose, PersonalDataExport.redact(source)));
  }

  public boolean isGranted(String userId, String purpose) {
    return ledger(() -> Consents.isGranted(userId, purpose));
  }

  public List<ConsentRecord> history(String userId) {
    return ledger(() -> Consents.history(userId));
  }

  private static void checkPurpose(String purpose) {
    if (!PURPOSE.matcher(purpose).matches()) {
      // the path segment is not repeated: it could be anything a client put there
      throw new AccountException(AccountException.Kind.INVALID,
          "not a purpose key; give lower-case words joined by dots, e.g. marketing.communications.email");
    }
  }

  private interface LedgerCall<T> {
    T call();
  }

  private static <T> T ledger(LedgerCall<T> call) {
    try {
      return call.call();
    } catch (IllegalArgumentException e) {
      // an unknown purpose or an empty value: the ledger refuses it and records nothing
      throw new AccountException(AccountException.Kind.INVALID, e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new AccountException(AccountException.Kind.UNAVAILABLE, "consent ledger unavailable: " + e.getMessage(), e);
    }
  }
}

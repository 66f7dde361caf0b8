package dev.piiwarden.samples.accounts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.piiwarden.api.ConsentRecord;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger outlives an erasure, so the source a client sends is recorded redacted. Without the
 * agent, {@code Consents} and the redaction engine are piiwarden-core's (on the test class path,
 * {@code memory:} ledger).
 */
class ConsentServiceTest {
  private final ConsentService consents = new ConsentService();

  @Test
  void theSourceIsRecordedAsTheRedactionEngineRendersIt() {
    String user = UUID.randomUUID().toString();

    ConsentRecord granted = consents.grant(user, "marketing.communications.email",
        "phone call from +44 20 7946 0123, card 4111111111111111, kim@example.com");
    ConsentRecord withdrawn = consents.withdraw(user, "marketing", "settings-page");

    assertEquals("phone call from [REDACTED:phone], card [REDACTED:card], [REDACTED:email]", granted.source());
    assertEquals("settings-page", withdrawn.source(), "a plain source stays as it was");
    List<ConsentRecord> history = consents.history(user);
    assertEquals(List.of(granted.source(), "settings-page"), history.stream().map(ConsentRecord::source).toList());
  }

  @Test
  void aMistypedPurposeIsRefusedWithoutRepeatingIt() {
    AccountException refused = assertThrows(AccountException.class,
        () -> consents.grant(UUID.randomUUID().toString(), "kim@example.com", "api"));

    assertEquals(AccountException.Kind.INVALID, refused.kind());
    assertFalse(refused.getMessage().contains("kim@"), refused.getMessage());
  }
}

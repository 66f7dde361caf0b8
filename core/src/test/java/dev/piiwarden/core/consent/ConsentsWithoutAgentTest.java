package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.Consents;
import org.junit.jupiter.api.Test;

/** Without the agent, {@code Consents} finds core's ledger through ServiceLoader. */
class ConsentsWithoutAgentTest {
  @Test
  void applicationTestsGetTheConfiguredStoreMemoryByDefault() {
    Consents.grant("u-no-agent", "marketing", "test");
    assertTrue(Consents.isGranted("u-no-agent", "marketing.communications.email"));
    Consents.withdraw("u-no-agent", "marketing", "test");
    assertFalse(Consents.isGranted("u-no-agent", "marketing.communications.email"));
    assertEquals(2, Consents.history("u-no-agent").size());
  }
}

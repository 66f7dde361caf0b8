package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.api.spi.AgentLedgerBackend;
import org.junit.jupiter.api.Test;

class ConsentsTest {
  @Test
  void withoutAStoreEveryCallFailsLoudly() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Consents.grant("u-1", "marketing", "test"));
    assertTrue(e.getMessage().contains("no consent store"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Consents.isGranted("u-1", "marketing"));
  }

  @Test
  void withADisabledAgentTheMessageNamesTheSwitch() {
    System.setProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY, "true");
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Consents.grant("u-1", "marketing", "test"));
      assertTrue(e.getMessage().contains("the agent is attached but disabled by piiwarden.enabled=false"),
          e.getMessage());
      assertFalse(e.getMessage().contains("start the JVM with -javaagent"), e.getMessage());
    } finally {
      System.clearProperty(AgentLedgerBackend.AGENT_DISABLED_PROPERTY);
    }
  }
}

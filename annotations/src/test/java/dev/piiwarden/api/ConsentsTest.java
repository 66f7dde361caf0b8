package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsentsTest {
  @Test
  void withoutAStoreEveryCallFailsLoudly() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Consents.grant("u-1", "marketing", "test"));
    assertTrue(e.getMessage().contains("no consent store"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Consents.isGranted("u-1", "marketing"));
  }
}

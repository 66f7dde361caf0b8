package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.core.redaction.Redactor;
import org.junit.jupiter.api.Test;

/**
 * A thread name is scanned once per string instance: the same name again gives the result kept
 * for it (the same redacted string, or null for a clean one) without a scan; another string, even
 * an equal one, is scanned afresh.
 */
class ThreadNameCheckTest {
  private final LogText text = new LogText(Redactor.withDefaults());
  private final RedactionCallDepth depth = RedactionCallDepth.current();

  @Test
  void aPersonalNameIsRedactedOnceAndItsRedactionGivenAgain() {
    String name = "session:" + "jane.doe@example.com";
    String redacted = text.threadName(name, depth);
    assertEquals("session:[REDACTED:email]", redacted);
    assertSame(redacted, text.threadName(name, depth));
    String equal = new String(name);
    String again = text.threadName(equal, depth);
    assertEquals(redacted, again);
    assertSame(again, text.threadName(equal, depth));
  }

  @Test
  void aCleanNameGivesNullAndSoDoesAMissingOne() {
    String name = "worker-7";
    assertNull(text.threadName(name, depth));
    assertNull(text.threadName(name, depth));
    assertNull(text.threadName(null, depth));
    // a clean name after a personal one is not taken for it
    text.threadName("session:" + "jane.doe@example.com", depth);
    assertNull(text.threadName(name, depth));
  }
}

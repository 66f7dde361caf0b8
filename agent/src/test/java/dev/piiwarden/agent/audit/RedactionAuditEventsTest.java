package dev.piiwarden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.redaction.Redactor;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionAuditEventsTest {
  private static final Instant FROM = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-22T10:01:00Z");

  @Test
  void countsOfAnIntervalBecomeOneRedactionEvent() {
    Redactor redactor = Redactor.withDefaults();
    redactor.redact("mail a@example.com and b@example.org, card 4111 1111 1111 1111");

    AuditEvent event = RedactionAuditEvents.of(redactor.snapshotAndReset(), FROM, TO);

    assertEquals("redaction", event.type());
    assertEquals(TO, event.ts());
    assertEquals(Map.of("email", 2L, "card", 1L), event.details().get("counts"));
    assertEquals(0L, event.details().get("failures"));
    assertEquals("2026-11-22T10:00:00Z", event.details().get("from"));
    assertEquals("2026-11-22T10:01:00Z", event.details().get("to"));
  }

  @Test
  void anIntervalWithNothingRedactedOrRedactionOffGivesNoEvent() {
    assertNull(RedactionAuditEvents.of(Redactor.withDefaults().snapshotAndReset(), FROM, TO));
    assertNull(RedactionAuditEvents.of(null, FROM, TO));
  }
}

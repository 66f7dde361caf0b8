package dev.piiwarden.cli.audit;

import dev.piiwarden.core.audit.AuditEvent;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditTrail;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.FsyncPolicy;
import dev.piiwarden.core.audit.Pseudonymizer;
import java.nio.file.Path;
import java.time.Instant;

/** A small trail written by the real writer, its key file beside it. */
final class TrailFixture {
  private TrailFixture() {}

  /**
   * Writes six events to {@code folder/piiwarden-audit.jsonl}: agent.started, a denial and an
   * access about u-42, a change about u-7, an access about u-42, agent.stopped.
   */
  static Path write(Path folder, long maxFileBytes) {
    Path active = folder.resolve("piiwarden-audit.jsonl");
    write(AuditTrailOptions.defaults().sink("jsonl:" + active).fsync(FsyncPolicy.never())
        .maxFileBytes(maxFileBytes));
    return active;
  }

  /** Writes the same six events to the trail {@code options} name. */
  static void write(AuditTrailOptions options) {
    try (AuditTrail trail = AuditTrail.open(
        options.problems(problem -> { throw new AssertionError(problem); }))) {
      Pseudonymizer pseudonyms = trail.pseudonymizer();
      Instant t = Instant.parse("2026-11-22T10:15:32.123456Z");
      trail.record(AuditEvent.of(AuditEventType.AGENT_STARTED).ts(t)
          .detail("version", "0.1.0").build());
      trail.record(AuditEvent.of(AuditEventType.CONSENT_DENIED).ts(t.plusSeconds(1))
          .subject(pseudonyms.pseudonym("u-42")).actor("svc-crm")
          .purposes("marketing.communications.email")
          .activity("com.acme.Newsletter#send(com.acme.User)")
          .categories("user.contact.email").reason("NOT_GRANTED").build());
      trail.record(AuditEvent.of(AuditEventType.ACCESS).ts(t.plusSeconds(2))
          .subject(pseudonyms.pseudonym("u-42")).actor("support-agent-7")
          .purposes("essential.service").activity("com.acme.Users#fetch(java.lang.String)")
          .categories("user.contact.email", "user.name").build());
      trail.record(AuditEvent.of(AuditEventType.CONSENT_CHANGED).ts(t.plusSeconds(3))
          .subject(pseudonyms.pseudonym("u-7")).purposes("marketing")
          .detail("source", "settings").detail("state", "GRANTED").build());
      trail.record(AuditEvent.of(AuditEventType.ACCESS).ts(t.plusSeconds(4))
          .subject(pseudonyms.pseudonym("u-42")).actor("svc-export")
          .purposes("essential.service").activity("com.acme.Users#export(java.lang.String)")
          .categories("user").build());
      trail.record(AuditEvent.of(AuditEventType.AGENT_STOPPED).ts(t.plusSeconds(5))
          .detail("version", "0.1.0").build());
    }
  }
}

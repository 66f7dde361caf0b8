package dev.piiwarden.core.audit;

import java.util.List;

/** The event types of SPEC §7, plus {@code agent.problem} (SPEC §6) and {@code audit.recovered}. */
public final class AuditEventType {
  /** The agent started: {@code version} and {@code config} (without secrets) as details. */
  public static final String AGENT_STARTED = "agent.started";
  /** The agent stopped: {@code version} as a detail. */
  public static final String AGENT_STOPPED = "agent.stopped";
  /** A problem the agent reported on stderr (SPEC §6): {@code message}. */
  public static final String AGENT_PROBLEM = "agent.problem";
  /** A consent check allowed the call. */
  public static final String CONSENT_GRANTED = "consent.granted";
  /** A consent check denied the call; {@code reason} says why. */
  public static final String CONSENT_DENIED = "consent.denied";
  /** A grant or withdrawal through {@code Consents} or the CLI; {@code source} and {@code state}. */
  public static final String CONSENT_CHANGED = "consent.changed";
  /** An activity touched a subject's personal data. */
  public static final String ACCESS = "access";
  /**
   * A call that got an {@code access} event ended by throwing: the same subject, actor, purposes,
   * activity and categories, and {@code reason}, the exception's class name (never its message). An
   * {@code access} with none after it for that call completed.
   */
  public static final String ACCESS_FAILED = "access.failed";
  /** Redaction counts per detector over an interval: {@code counts}, {@code from}, {@code to}. */
  public static final String REDACTION = "redaction";
  /** Events dropped under {@code overflow=drop}: {@code dropped} is how many since the last one. */
  public static final String AUDIT_DROPPED = "audit.dropped";
  /**
   * Written by a restarted trail that found a torn last line (a crash while writing): {@code
   * file}, {@code line}, {@code bytes} and {@code tornHmac} identify the torn bytes, so that {@link
   * AuditVerifier} can tell an acknowledged crash from a truncation.
   */
  public static final String AUDIT_RECOVERED = "audit.recovered";

  /** Every type above, in the order above. */
  public static final List<String> ALL = List.of(AGENT_STARTED, AGENT_STOPPED, AGENT_PROBLEM,
      CONSENT_GRANTED, CONSENT_DENIED, CONSENT_CHANGED, ACCESS, ACCESS_FAILED, REDACTION, AUDIT_DROPPED, AUDIT_RECOVERED);

  private AuditEventType() {}
}

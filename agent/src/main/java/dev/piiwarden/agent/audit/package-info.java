/**
 * The agent's side of the audit trail (SPEC §7): {@link dev.piiwarden.agent.audit.AgentAudit}
 * opens core's {@code AuditTrail} from the {@code piiwarden.audit.*} options and records start and
 * stop; {@link dev.piiwarden.agent.audit.ConsentAuditEvents} turns consent decisions, accesses and
 * ledger changes into events; {@link dev.piiwarden.agent.audit.AuditedLedger} catches the changes
 * made through {@code Consents}.
 */
package dev.piiwarden.agent.audit;

/**
 * The tamper-evident audit trail (SPEC §7): events ({@link dev.piiwarden.core.audit.AuditEvent}),
 * their canonical JSON lines and HMAC-SHA256 hash chain ({@link
 * dev.piiwarden.core.audit.AuditRecordFormat}, {@link dev.piiwarden.core.audit.HashChain}), the key
 * and pseudonyms ({@link dev.piiwarden.core.audit.AuditKey}, {@link
 * dev.piiwarden.core.audit.Pseudonymizer}), the asynchronous writer ({@link
 * dev.piiwarden.core.audit.AuditTrail}) and its sinks (jsonl, slf4j, jdbc, otlp, none), and the
 * auditor's side: {@link dev.piiwarden.core.audit.AuditVerifier} and {@link
 * dev.piiwarden.core.audit.AuditQuery}.
 */
package dev.piiwarden.core.audit;

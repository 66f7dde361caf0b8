/**
 * The files and folders the agent and the CLI keep personal data and secrets in (the audit key,
 * trail and spool, the {@code file:} consent ledger): folders created for them only their owner
 * may enter.
 */
package dev.piiwarden.core.files;

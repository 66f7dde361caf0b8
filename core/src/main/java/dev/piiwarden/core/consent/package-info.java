/**
 * The consent ledger: an append-only record of grants and withdrawals per data subject and
 * purpose, the decisions drawn from it, and the stores that hold it ({@code memory:}, {@code
 * file:<path>}, {@code jdbc:<url>}).
 *
 * <p>Decision rule: for a subject and a purpose, the records about that purpose and its ancestors
 * in the purpose hierarchy are considered, and the one written last (in ledger order) decides. A
 * grant on {@code marketing} therefore covers {@code marketing.communications.email}, a later
 * withdrawal of {@code marketing} withdraws it again, and a later grant of the child alone grants
 * the child. A deciding grant whose expiry has passed denies with reason {@code EXPIRED}; it does
 * not revive an older grant.
 */
package dev.piiwarden.core.consent;

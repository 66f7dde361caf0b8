package dev.piiwarden.api;

import dev.piiwarden.api.spi.AgentLedgerBackend;
import dev.piiwarden.api.spi.ConsentBackend;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The application's view of the consent ledger: record grants and withdrawals, ask whether a purpose
 * is granted, read a subject's history.
 *
 * <pre>{@code
 * Consents.grant("u-42", Purpose.MARKETING_COMMUNICATIONS_EMAIL, "signup-form");
 * }</pre>
 *
 * <p>The ledger is chosen on first use, in this order: one given to {@link #install}; the agent's
 * ledger when the agent runs in this JVM (found through its bootstrap bridge, so it is the same
 * ledger whichever class loader holds this class); a {@link ConsentBackend} found with {@link
 * ServiceLoader} (piiwarden-core registers one that opens the store named by {@code
 * piiwarden.consent.store}). When there is none, every call throws {@link IllegalStateException}
 * saying so, and saying when the agent is attached but disabled ({@code piiwarden.enabled=false}):
 * a consent that cannot be recorded must not look recorded.
 *
 * <p>An agent attached to the running JVM after a {@link ServiceLoader} ledger was chosen takes
 * over, because its ledger is the one that enforcement reads: {@code grant}, {@code withdraw} and
 * {@code history} look for it on every call, {@code isGranted} at most once a second. Records
 * written to the earlier ledger stay in its store.
 *
 * <p>A store that cannot be written makes {@code grant} and {@code withdraw} throw {@link
 * IllegalStateException}.
 *
 * <p>{@code grant} and {@code withdraw} throw {@link IllegalArgumentException} and record nothing
 * when the subject, the purpose or the source is null or blank, or when the purpose is no purpose
 * key of the taxonomy (the built-in one plus the extension named by {@code piiwarden.taxonomy}):
 * a grant of a mistyped purpose would never match what the code asks for, which looks like consent
 * but is none. The message names the closest key ({@code unknown purpose 'marketting' (did you mean
 * 'marketing'?)}) and never the subject id; a purpose shaped like personal data (an e-mail address
 * passed in its place) is shown masked, with what it looks like instead of a key ({@code unknown
 * purpose '[REDACTED:email]' (it looks like an e-mail address, not a purpose key)}), so the message
 * can go into a response or a log. This holds with the agent and with piiwarden-core's
 * ledger; a ledger given to {@link #install} checks what it chooses to.
 */
public final class Consents {
  /** How often {@code isGranted} looks for an agent attached after a fallback ledger was chosen. */
  private static final long AGENT_PROBE_INTERVAL_NANOS = 1_000_000_000L;

  /** Given to {@link #install}, or the agent's: kept for good. */
  private static volatile ConsentBackend installed;

  /** Found with {@link ServiceLoader}: used until an agent shows up. */
  private static volatile ConsentBackend fallback;

  private static volatile long lastAgentProbe;

  private Consents() {}

  /**
   * Records that {@code subject} granted {@code purpose}, through {@code source}.
   *
   * @param subject the data subject's id, not blank
   * @param purpose a purpose key of the taxonomy or of {@code piiwarden.taxonomy}
   * @param source where the consent was given (a form, a ticket), not blank
   * @throws IllegalArgumentException for a blank value or an unknown purpose; nothing is recorded
   * @throws IllegalStateException when there is no ledger or its store cannot be written, or (under
   *     the agent) the JVM is shutting down and the audit trail is closed; nothing is recorded
   */
  public static ConsentRecord grant(String subject, String purpose, String source) {
    return backend(true).grant(subject, purpose, source);
  }

  /**
   * Records that {@code subject} withdrew {@code purpose}, through {@code source}.
   *
   * @param subject the data subject's id, not blank
   * @param purpose a purpose key of the taxonomy or of {@code piiwarden.taxonomy}
   * @param source where the withdrawal was made, not blank
   * @throws IllegalArgumentException for a blank value or an unknown purpose; nothing is recorded
   * @throws IllegalStateException when there is no ledger or its store cannot be written, or (under
   *     the agent) the JVM is shutting down and the audit trail is closed; nothing is recorded
   */
  public static ConsentRecord withdraw(String subject, String purpose, String source) {
    return backend(true).withdraw(subject, purpose, source);
  }

  /** Whether {@code subject} has currently granted {@code purpose} (or a parent of it). */
  public static boolean isGranted(String subject, String purpose) {
    return backend(false).isGranted(subject, purpose);
  }

  /** Every ledger record about {@code subject}, oldest first. */
  public static List<ConsentRecord> history(String subject) {
    return backend(true).history(subject);
  }

  /**
   * Installs the ledger that every call uses from now on. The agent calls this at start; tests and
   * applications without the agent may call it with a ledger of their own.
   */
  public static void install(ConsentBackend backend) {
    installed = backend;
  }

  /**
   * The ledger to use: one installed or the agent's; otherwise the fallback, after looking for an
   * agent attached since (always when {@code alwaysProbe}, else at most once a second).
   */
  private static ConsentBackend backend(boolean alwaysProbe) {
    ConsentBackend backend = installed;
    if (backend != null) {
      return backend;
    }
    ConsentBackend configured = fallback;
    long now = System.nanoTime();
    if (configured == null || alwaysProbe || now - lastAgentProbe >= AGENT_PROBE_INTERVAL_NANOS) {
      lastAgentProbe = now;
      Optional<ConsentBackend> agent = AgentLedgerBackend.find();
      if (agent.isPresent()) {
        installed = agent.get();
        return installed;
      }
    }
    if (configured != null) {
      return configured;
    }
    synchronized (Consents.class) {
      if (fallback == null) {
        Iterator<ConsentBackend> found =
            ServiceLoader.load(ConsentBackend.class, Consents.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
          throw new IllegalStateException(AgentLedgerBackend.agentDisabled()
              ? "PII Warden has no consent store: the agent is attached but disabled by"
                  + " piiwarden.enabled=false, so it keeps no ledger; remove piiwarden.enabled=false"
                  + " (agent argument, -Dpiiwarden.enabled, PIIWARDEN_ENABLED or the config file), or"
                  + " put piiwarden-core on the class path and set piiwarden.consent.store"
              : "PII Warden has no consent store: start the JVM with -javaagent:piiwarden-agent.jar, or"
                  + " put piiwarden-core on the class path and set piiwarden.consent.store");
        }
        fallback = found.next();
      }
      return fallback;
    }
  }
}

package dev.piiwarden.api;

import dev.piiwarden.api.spi.ConsentBackend;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The application's view of the consent ledger: record grants and withdrawals, ask whether a purpose
 * is granted, read a subject's history.
 *
 * <pre>{@code
 * Consents.grant("u-42", Purpose.MARKETING_COMMUNICATIONS_EMAIL, "signup-form");
 * }</pre>
 *
 * <p>With the agent attached this is the agent's ledger, so the application and the agent's consent
 * checks see one ledger. Without the agent, a {@link ConsentBackend} is looked up with {@link
 * ServiceLoader}. When there is neither, every call throws {@link IllegalStateException} saying so:
 * a consent that cannot be recorded must not look recorded.
 */
public final class Consents {
  private static volatile ConsentBackend installed;

  private Consents() {}

  /** Records that {@code subject} granted {@code purpose}, through {@code source}. */
  public static ConsentRecord grant(String subject, String purpose, String source) {
    return backend().grant(subject, purpose, source);
  }

  /** Records that {@code subject} withdrew {@code purpose}, through {@code source}. */
  public static ConsentRecord withdraw(String subject, String purpose, String source) {
    return backend().withdraw(subject, purpose, source);
  }

  /** Whether {@code subject} has currently granted {@code purpose} (or a parent of it). */
  public static boolean isGranted(String subject, String purpose) {
    return backend().isGranted(subject, purpose);
  }

  /** Every ledger record about {@code subject}, oldest first. */
  public static List<ConsentRecord> history(String subject) {
    return backend().history(subject);
  }

  /**
   * Installs the ledger that every call uses from now on. The agent calls this at start; tests and
   * applications without the agent may call it with a ledger of their own.
   */
  public static void install(ConsentBackend backend) {
    installed = backend;
  }

  private static ConsentBackend backend() {
    ConsentBackend backend = installed;
    if (backend != null) {
      return backend;
    }
    Iterator<ConsentBackend> found =
        ServiceLoader.load(ConsentBackend.class, Consents.class.getClassLoader()).iterator();
    if (found.hasNext()) {
      backend = found.next();
      installed = backend;
      return backend;
    }
    throw new IllegalStateException(
        "PII Warden has no consent store: start the JVM with -javaagent:piiwarden-agent.jar, or put"
            + " piiwarden-core on the class path and set piiwarden.consent.store");
  }
}

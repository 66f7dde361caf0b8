package dev.piiwarden.agent.redaction.bridge;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Stands in for an exception whose message (or a cause's or suppressed exception's) held personal
 * data: the same frames, causes and suppressed exceptions, each message redacted, and printed
 * under the original class name ({@link #toString()}), so {@code printStackTrace} output reads as
 * the original's. The application's exception object is never changed. JDK types only: it lives
 * on the bootstrap class path, so every framework's hook recognises it.
 */
public final class RedactedThrowable extends Throwable {
  private static final long serialVersionUID = 1L;

  private final transient Class<?> originalClass;
  private final String originalClassName;
  private final String redactedMessage;

  private RedactedThrowable(Class<?> originalClass, String redactedMessage) {
    super(redactedMessage);
    this.originalClass = originalClass;
    this.originalClassName = originalClass.getName();
    this.redactedMessage = redactedMessage;
  }

  /**
   * {@code thrown} with every message in its chain passed through {@code redact}; {@code thrown}
   * itself when no message changed (or it is already a stand-in).
   */
  public static Throwable of(Throwable thrown, UnaryOperator<String> redact) {
    if (thrown == null) {
      return null;
    }
    Throwable standIn = standIns(thrown, redact).get(thrown);
    return standIn == null ? thrown : standIn;
  }

  /**
   * The stand-in of {@code thrown} and of each exception in its chain (causes, suppressed, their
   * causes), by identity of the original; empty when no message changed (or {@code thrown} is
   * null or already a stand-in). For a framework's own tree of proxies, each built from one
   * exception of the chain, to be given the stand-in of its own exception.
   */
  public static Map<Throwable, Throwable> standIns(Throwable thrown, UnaryOperator<String> redact) {
    if (thrown == null || thrown instanceof RedactedThrowable) {
      return Map.of();
    }
    Map<Throwable, String> messages = new IdentityHashMap<>();
    if (!redactMessages(thrown, redact, messages)) {
      return Map.of();
    }
    Map<Throwable, Throwable> copies = new IdentityHashMap<>();
    copy(thrown, messages, copies);
    return copies;
  }

  /** The class name of the exception this stands in for. */
  public String originalClassName() {
    return originalClassName;
  }

  /** The class name to show for {@code thrown}: the original's for a stand-in. */
  public static String classNameOf(Throwable thrown) {
    return thrown instanceof RedactedThrowable
        ? ((RedactedThrowable) thrown).originalClassName
        : thrown.getClass().getName();
  }

  /**
   * {@code object.getClass()}, except for a stand-in: the class of the exception it stands in for.
   * A layout that names an exception by its class ({@code exception.getClass().getCanonicalName()}
   * in Log4j2's JsonTemplateLayout) calls this in place of {@code getClass()}, so it names the
   * original's.
   */
  public static Class<?> classOf(Object object) {
    Class<?> original = object instanceof RedactedThrowable ? ((RedactedThrowable) object).originalClass : null;
    return original != null ? original : object.getClass(); // null once deserialized: the field is transient
  }

  @Override
  public String getLocalizedMessage() {
    return redactedMessage;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the frames are the original's, set after construction
  }

  @Override
  public String toString() {
    return redactedMessage == null ? originalClassName : originalClassName + ": " + redactedMessage;
  }

  /** Redacts each message of the chain once; whether any changed. */
  private static boolean redactMessages(
      Throwable thrown, UnaryOperator<String> redact, Map<Throwable, String> messages) {
    if (thrown == null || messages.containsKey(thrown)) {
      return false;
    }
    String message = thrown.getMessage();
    String redacted = message == null ? null : redact.apply(message);
    messages.put(thrown, redacted);
    boolean changed = redacted != message;
    changed |= redactMessages(thrown.getCause(), redact, messages);
    for (Throwable suppressed : thrown.getSuppressed()) {
      changed |= redactMessages(suppressed, redact, messages);
    }
    return changed;
  }

  private static Throwable copy(
      Throwable thrown, Map<Throwable, String> messages, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(thrown);
    if (done != null) {
      return done;
    }
    RedactedThrowable copy = new RedactedThrowable(thrown.getClass(), messages.get(thrown));
    copies.put(thrown, copy);
    copy.setStackTrace(thrown.getStackTrace());
    Throwable cause = thrown.getCause();
    if (cause != null && cause != thrown) {
      copy.initCause(copy(cause, messages, copies));
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      Throwable suppressedCopy = copy(suppressed, messages, copies);
      if (suppressedCopy != copy) {
        copy.addSuppressed(suppressedCopy);
      }
    }
    return copy;
  }
}

package dev.piiwarden.agent.redaction.bridge;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Stands in for an exception whose text (or a cause's or suppressed exception's) held personal data
 * or could not be read: the same frames, causes and suppressed exceptions, and each of the three
 * texts a framework prints ({@link #getMessage()}, {@link #getLocalizedMessage()}, {@link
 * #toString()}) the original's, redacted, whatever the original overrides. So {@code
 * printStackTrace} output reads as the original's, under the original class name. A text the
 * original cannot give (its method throws) is {@value #FAILED}, never the raw text. The
 * application's exception object is never changed. JDK types only: it lives on the bootstrap class
 * path, so every framework's hook recognises it.
 */
public final class RedactedThrowable extends Throwable {
  private static final long serialVersionUID = 2L;
  /** Core's {@code Redactor.FAILED}, which this class, on the bootstrap class path, cannot name. */
  static final String FAILED = "[REDACTION_FAILED]";
  private static final int MESSAGE = 0;
  private static final int LOCALIZED = 1;
  private static final int TEXT = 2;

  private final transient Class<?> originalClass;
  private final String originalClassName;
  private final String localizedMessage;
  private final String text;

  private RedactedThrowable(Class<?> originalClass, String originalClassName, String[] texts) {
    super(texts[MESSAGE]);
    this.originalClass = originalClass;
    this.originalClassName = originalClassName;
    this.localizedMessage = texts[LOCALIZED];
    this.text = texts[TEXT];
  }

  /**
   * {@code thrown} with every text in its chain passed through {@code redact}; {@code thrown}
   * itself when no text changed and each could be read (or it is already a stand-in).
   * {@code unreadable} is told of each exception a text of which could not be read.
   */
  public static Throwable of(Throwable thrown, UnaryOperator<String> redact, Consumer<Throwable> unreadable) {
    if (thrown == null) {
      return null;
    }
    Throwable standIn = standIns(thrown, redact, unreadable).get(thrown);
    return standIn == null ? thrown : standIn;
  }

  /**
   * The stand-in of {@code thrown} and of each exception in its chain (causes, suppressed, their
   * causes), by identity of the original; empty when no text changed and each could be read (or
   * {@code thrown} is null or already a stand-in). For a framework's own tree of proxies, each
   * built from one exception of the chain, to be given the stand-in of its own exception.
   */
  public static Map<Throwable, Throwable> standIns(
      Throwable thrown, UnaryOperator<String> redact, Consumer<Throwable> unreadable) {
    if (thrown == null || thrown instanceof RedactedThrowable) {
      return Map.of();
    }
    Map<Throwable, String[]> texts = new IdentityHashMap<>();
    if (!redactTexts(thrown, redact, unreadable, texts)) {
      return Map.of();
    }
    Map<Throwable, Throwable> copies = new IdentityHashMap<>();
    copy(thrown, redact, unreadable, texts, copies);
    return copies;
  }

  /**
   * A stand-in for {@code thrown} that shows none of its text: for a hook whose redaction of the
   * exception failed, so that it writes {@value #FAILED} rather than the raw text. Its frames, when
   * they can be read; no cause or suppressed exception.
   */
  public static Throwable unredactable(Throwable thrown) {
    String name = classNameOf(thrown);
    RedactedThrowable standIn = new RedactedThrowable(classOf(thrown), name, failedTexts(name));
    standIn.setStackTrace(framesOf(thrown));
    return standIn;
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
    return localizedMessage;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the frames are the original's, set after construction
  }

  @Override
  public String toString() {
    return text;
  }

  /** Redacts the texts of each exception of the chain once; whether any changed or could not be read. */
  private static boolean redactTexts(
      Throwable thrown,
      UnaryOperator<String> redact,
      Consumer<Throwable> unreadable,
      Map<Throwable, String[]> texts) {
    if (thrown == null || texts.containsKey(thrown)) {
      return false;
    }
    String[] redacted = new String[3];
    boolean changed = redactOwnTexts(thrown, redact, unreadable, redacted);
    texts.put(thrown, redacted);
    Throwable cause;
    try {
      cause = thrown.getCause();
    } catch (Throwable failure) {
      changed |= told(unreadable, failure, false); // the stand-in goes without the cause it cannot show
      cause = null;
    }
    changed |= redactTexts(cause, redact, unreadable, texts);
    for (Throwable suppressed : thrown.getSuppressed()) {
      changed |= redactTexts(suppressed, redact, unreadable, texts);
    }
    return changed;
  }

  /**
   * Reads the message, localized message and {@code toString} of {@code thrown} and puts each,
   * redacted, into {@code redacted}; whether any changed or could not be read. A {@code toString}
   * of the default form ({@code <class name>: <localized message>}) is redacted as that form, with
   * no scan of its own.
   */
  private static boolean redactOwnTexts(
      Throwable thrown, UnaryOperator<String> redact, Consumer<Throwable> unreadable, String[] redacted) {
    String name = classNameOf(thrown);
    boolean failed = false;
    String message = null;
    try {
      message = thrown.getMessage();
      redacted[MESSAGE] = message == null ? null : redact.apply(message);
    } catch (Throwable failure) {
      failed = told(unreadable, failure, false);
      redacted[MESSAGE] = FAILED;
    }
    String localized = null;
    try {
      localized = thrown.getLocalizedMessage();
      if (localized == null) {
        redacted[LOCALIZED] = null;
      } else if (!failed && localized.equals(message)) {
        redacted[LOCALIZED] = redacted[MESSAGE]; // Throwable's own: the message
      } else {
        redacted[LOCALIZED] = redact.apply(localized);
      }
    } catch (Throwable failure) {
      failed = told(unreadable, failure, failed);
      redacted[LOCALIZED] = FAILED;
    }
    String text = null;
    try {
      text = thrown.toString();
      if (text == null) {
        redacted[TEXT] = null;
      } else if (isDefaultText(text, name, localized)) {
        redacted[TEXT] = defaultText(text, name, localized, redacted[LOCALIZED]);
      } else {
        redacted[TEXT] = redact.apply(text);
      }
    } catch (Throwable failure) {
      failed = told(unreadable, failure, failed);
      redacted[TEXT] = name + ": " + FAILED;
    }
    return failed || redacted[MESSAGE] != message || redacted[LOCALIZED] != localized || redacted[TEXT] != text;
  }

  /** Whether {@code text} is what {@code Throwable.toString()} makes of {@code name} and {@code localized}. */
  private static boolean isDefaultText(String text, String name, String localized) {
    if (localized == null) {
      return text.equals(name);
    }
    return text.length() == name.length() + 2 + localized.length()
        && text.startsWith(name)
        && text.startsWith(": ", name.length())
        && text.endsWith(localized);
  }

  /** The default form with {@code redactedLocalized}: {@code text} itself when that did not change. */
  private static String defaultText(String text, String name, String localized, String redactedLocalized) {
    if (redactedLocalized == localized) {
      return text;
    }
    return redactedLocalized == null ? name : name + ": " + redactedLocalized;
  }

  private static String[] failedTexts(String name) {
    return new String[] {FAILED, FAILED, name + ": " + FAILED};
  }

  /**
   * Tells {@code unreadable} of {@code failure} unless {@code already} (a text of the same
   * exception failed before); true. A listener that fails is not the application's problem.
   */
  private static boolean told(Consumer<Throwable> unreadable, Throwable failure, boolean already) {
    if (!already) {
      try {
        unreadable.accept(failure);
      } catch (Throwable ignored) {
        // the text is FAILED all the same
      }
    }
    return true;
  }

  /** {@code thrown.getCause()}, or null when that throws: the first read of the chain told the failure. */
  private static Throwable causeOf(Throwable thrown) {
    try {
      return thrown.getCause();
    } catch (Throwable failure) {
      return null;
    }
  }

  /**
   * {@code thrown.getStackTrace()}, or no frames when that throws or gives none the stand-in can
   * take. Frames hold no text of the application's, so this is no redaction failure.
   */
  private static StackTraceElement[] framesOf(Throwable thrown) {
    try {
      StackTraceElement[] frames = thrown.getStackTrace();
      if (frames != null) {
        for (StackTraceElement frame : frames) {
          if (frame == null) {
            return new StackTraceElement[0]; // setStackTrace refuses null frames
          }
        }
        return frames;
      }
    } catch (Throwable failure) {
      // the stand-in goes without frames
    }
    return new StackTraceElement[0];
  }

  private static Throwable copy(
      Throwable thrown,
      UnaryOperator<String> redact,
      Consumer<Throwable> unreadable,
      Map<Throwable, String[]> texts,
      Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(thrown);
    if (done != null) {
      return done;
    }
    String[] redacted = texts.get(thrown);
    if (redacted == null) { // a chain that changed between two reads
      redacted = new String[3];
      redactOwnTexts(thrown, redact, unreadable, redacted);
    }
    RedactedThrowable copy = new RedactedThrowable(classOf(thrown), classNameOf(thrown), redacted);
    copies.put(thrown, copy);
    copy.setStackTrace(framesOf(thrown));
    Throwable cause = causeOf(thrown);
    if (cause != null && cause != thrown) {
      copy.initCause(copy(cause, redact, unreadable, texts, copies));
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      Throwable suppressedCopy = copy(suppressed, redact, unreadable, texts, copies);
      if (suppressedCopy != copy) {
        copy.addSuppressed(suppressedCopy);
      }
    }
    return copy;
  }
}

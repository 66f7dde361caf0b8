package dev.piiwarden.agent.redaction.bridge;

/**
 * How deep the current thread is in logging hooks, and the message the outermost hook produced.
 * Shared by every framework's hook (it lives on the bootstrap class path), so an event bridged
 * from one framework to another (JUL to SLF4J to Logback, Log4j API to SLF4J) is redacted by the
 * outermost hook only: an inner hook whose message equals {@link #handled()} leaves it alone.
 * An unrelated event logged from inside an appender has another message and is redacted as usual.
 */
public final class RedactionCallDepth {
  private static final ThreadLocal<RedactionCallDepth> CURRENT = new PerThread();

  private int depth;
  private String handled;
  private StringBuilder formatBuffer;
  private Object prepared;
  private String preparedMessage;
  private Object copiedEvent;
  private Object copy;
  private String copyMessage;
  private String threadName;
  private String redactedThreadName;

  private RedactionCallDepth() {}

  /** A new depth per thread; a class, not {@code withInitial}'s lambda, which would spin one at start. */
  private static final class PerThread extends ThreadLocal<RedactionCallDepth> {
    @Override
    protected RedactionCallDepth initialValue() {
      return new RedactionCallDepth();
    }
  }

  /** This thread's depth. */
  public static RedactionCallDepth current() {
    return CURRENT.get();
  }

  /** Enters a hook; returns the depth after entering (1 for the outermost). */
  public int enter() {
    return ++depth;
  }

  /** Leaves a hook. */
  public void leave() {
    if (depth > 0 && --depth == 0) {
      handled = null;
    }
  }

  /** Whether the thread is inside a logging hook (an appender writing an event, for example). */
  public boolean inside() {
    return depth > 0;
  }

  /** The redacted message of the outermost event, or null. */
  public String handled() {
    return handled;
  }

  /** Records the redacted message of the outermost event. */
  public void handled(String message) {
    if (depth == 1) {
      handled = message;
    }
  }

  /**
   * This thread's buffer for formatting a message in place, emptied; only in the outermost hook,
   * null deeper in: an event logged while the outer hook still reads its buffer (from a {@code
   * toString}, say) must not write into it.
   */
  public StringBuilder formatBuffer() {
    if (depth != 1) {
      return null;
    }
    StringBuilder buffer = formatBuffer;
    if (buffer == null) {
      buffer = new StringBuilder(256);
      formatBuffer = buffer;
    }
    buffer.setLength(0);
    return buffer;
  }

  /** Lets go of the format buffer when it grew past {@code keep} characters. */
  public void trimFormatBuffer(int keep) {
    if (formatBuffer != null && formatBuffer.capacity() > keep) {
      formatBuffer = null;
    }
  }

  /**
   * Records that {@code event} was redacted in place just before the hooked method is called with
   * it (its redacted message {@code message}), so that the method's own hook leaves it as it is.
   */
  public void prepared(Object event, String message) {
    prepared = event;
    preparedMessage = message;
  }

  /**
   * Whether {@code event} is the one last {@linkplain #prepared prepared} on this thread; forgets
   * that event either way, so none is held past the call it was prepared for.
   */
  public boolean takePrepared(Object event) {
    boolean same = prepared == event;
    prepared = null;
    return same;
  }

  /** The redacted message of the event {@link #takePrepared} last found prepared. */
  public String preparedMessage() {
    return preparedMessage;
  }

  /** The copy a hook last made of {@code event} on this thread, or null. */
  public Object copyOf(Object event) {
    return copiedEvent == event ? copy : null;
  }

  /** The redacted message of the copy {@link #copyOf} returned. */
  public String copyMessage() {
    return copyMessage;
  }

  /**
   * Records the copy a hook made of {@code event} (null forgets the last one), so that an additive
   * logger's parent, handed the same event, gets the same copy without counting it again.
   */
  public void copied(Object event, Object eventCopy, String message) {
    copiedEvent = event;
    copy = eventCopy;
    copyMessage = message;
  }

  /**
   * Whether {@code name} is the thread name this thread's hooks last checked, by identity: a
   * thread's name is one string, read again for each of its events, so a clean one costs one
   * compare and is never scanned twice.
   */
  public boolean threadNameChecked(String name) {
    return name == threadName;
  }

  /** The redacted form of the thread name last checked, or null when it held nothing. */
  public String redactedThreadName() {
    return redactedThreadName;
  }

  /** Records the thread name just checked and its redacted form (null when it held nothing). */
  public void threadNameChecked(String name, String redacted) {
    threadName = name;
    redactedThreadName = redacted;
  }
}

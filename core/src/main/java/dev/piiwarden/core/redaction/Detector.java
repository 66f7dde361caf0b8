package dev.piiwarden.core.redaction;

/**
 * Finds one kind of personal data at a trigger position of the scan. Implementations do bounded
 * work per call (or, for credentials, work over a region the scan then skips), which keeps the
 * whole scan linear in the text's length. They read the text only through {@link
 * CharSequence#charAt} and allocate nothing when they find nothing.
 */
interface Detector {
  /** Triggers: the start of a run of digits (not preceded by a letter or digit). */
  int DIGIT_RUN = 1;
  /** Triggers: an {@code @}. */
  int AT_SIGN = 1 << 1;
  /** Triggers: a {@code +}, or its URL encoding {@code %2B}, not preceded by a letter or digit. */
  int PLUS = 1 << 2;
  /** Triggers: a letter not preceded by a letter or digit. */
  int WORD_START = 1 << 3;
  /** Triggers: a {@code :} not preceded by a hex digit or colon. */
  int COLON = 1 << 4;
  /** Triggers: a {@code (} not preceded by a letter or digit. */
  int OPEN_PAREN = 1 << 5;
  /** Triggers: the end of a key name found by the scan's {@link KeyAutomaton}. */
  int KEY = 1 << 6;
  /** Triggers: a URL-encoded {@code @}, {@code %40}. */
  int ENCODED_AT = 1 << 7;

  /** What {@link #detect} returns when it found nothing. */
  long NONE = -1L;

  /** Packs a match of {@code [start, end)} as {@link #detect} returns it. */
  static long match(int start, int end) {
    return ((long) start << 32) | end;
  }

  /** The start of a packed match. */
  static int start(long match) {
    return (int) (match >>> 32);
  }

  /** The end (exclusive) of a packed match. */
  static int end(long match) {
    return (int) match;
  }

  /** The type name that masks and counts use. */
  String type();

  /** The trigger bits on which {@link #detect} is called. */
  int triggers();

  /**
   * Looks for a match at a trigger.
   *
   * @param text the text
   * @param at the trigger position (for {@link #KEY}: the index just after the key name)
   * @param hint for {@link #AT_SIGN}: where the run of local-part characters before {@code at}
   *     starts; for {@link #KEY}: where the key name starts; otherwise unused
   * @return the packed match ({@link #match}) or {@link #NONE}
   */
  long detect(CharSequence text, int at, int hint);
}

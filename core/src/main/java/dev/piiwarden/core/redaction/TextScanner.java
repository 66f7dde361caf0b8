package dev.piiwarden.core.redaction;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Arrays;
import java.util.List;

/**
 * The single left-to-right pass over a text. At each character it works out, from the character
 * and the one before it, which triggers fire, and calls only the detectors listening to those; it
 * advances the credential key automaton on the way. User patterns then run on RE2J. Nothing is
 * allocated until something is found.
 */
final class TextScanner {
  private final Detector[] detectors;
  private final int[] detectorTypes;
  /** The trigger bits of each detector, read once: the scan loop avoids the interface call. */
  private final int[] detectorTriggers;
  private final int triggers;
  private final KeyAutomaton keys;
  private final Detector keyDetector;
  private final int keyType;
  private final Pattern[] patterns;
  private final int[] patternTypes;

  /**
   * @param detectors the detectors, with {@code detectorTypes[i]} the type index of each
   * @param keys the automaton for {@link Detector#KEY} detectors, or null when there are none
   * @param patterns user patterns, with {@code patternTypes[i]} the type index of each
   */
  TextScanner(List<Detector> detectors, int[] detectorTypes, KeyAutomaton keys,
      List<Pattern> patterns, int[] patternTypes) {
    Detector keyDetector = null;
    int keyType = -1;
    int triggers = 0;
    int plain = 0;
    Detector[] others = new Detector[detectors.size()];
    int[] otherTypes = new int[detectors.size()];
    for (int i = 0; i < detectors.size(); i++) {
      Detector detector = detectors.get(i);
      if ((detector.triggers() & Detector.KEY) != 0) {
        keyDetector = detector;
        keyType = detectorTypes[i];
      } else {
        others[plain] = detector;
        otherTypes[plain++] = detectorTypes[i];
        triggers |= detector.triggers();
      }
    }
    this.detectors = Arrays.copyOf(others, plain);
    this.detectorTypes = Arrays.copyOf(otherTypes, plain);
    this.triggers = triggers;
    this.detectorTriggers = new int[plain];
    for (int d = 0; d < plain; d++) {
      detectorTriggers[d] = others[d].triggers();
    }
    this.keys = keyDetector == null ? null : keys;
    this.keyDetector = keyDetector;
    this.keyType = keyType;
    this.patterns = patterns.toArray(new Pattern[0]);
    this.patternTypes = patternTypes.clone();
  }

  /** The matches in {@code text}, unresolved, or null when there are none. */
  Replacements scan(CharSequence text) {
    Replacements found = null;
    int n = text.length();
    int state = 0;
    int localStart = 0;
    int covered = 0;
    char before = ' ';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int fired = fired(text, i, c, before);
      if ((fired & triggers) != 0) {
        for (int d = 0; d < detectors.length; d++) {
          if ((detectorTriggers[d] & fired) != 0) {
            long match = detectors[d].detect(text, i, localStart);
            if (match != Detector.NONE) {
              found = record(found, match, detectorTypes[d]);
            }
          }
        }
      }
      if (keys != null) {
        state = keys.step(state, c);
        int length = keys.keyLength(state);
        if (length > 0 && i + 1 - length >= covered) {
          long match = keyDetector.detect(text, i + 1, i + 1 - length);
          if (match != Detector.NONE) {
            found = record(found, match, keyType);
            // a key inside a value already taken is part of that value: skipping it keeps the
            // scan linear for runs such as password=password=password=...
            covered = Detector.end(match);
          }
        }
      }
      if (!CharClasses.is(c, CharClasses.LOCAL)) {
        localStart = i + 1;
      }
      before = c;
    }
    for (int p = 0; p < patterns.length; p++) {
      Matcher matcher = patterns[p].matcher(text);
      while (matcher.find()) {
        if (matcher.end() > matcher.start()) {
          found = record(found, Detector.match(matcher.start(), matcher.end()), patternTypes[p]);
        }
      }
    }
    return found;
  }

  private static int fired(CharSequence text, int i, char c, char before) {
    boolean wordStart = i == 0 || !CharClasses.isAlnum(before);
    int classes = CharClasses.of(c);
    if ((classes & CharClasses.DIGIT) != 0) {
      return wordStart ? Detector.DIGIT_RUN : 0;
    }
    if ((classes & CharClasses.LETTER) != 0) {
      return wordStart ? Detector.WORD_START : 0;
    }
    switch (c) {
      case '@':
        return Detector.AT_SIGN;
      case '+':
        return wordStart ? Detector.PLUS : 0;
      case ':':
        return wordStart && before != ':' ? Detector.COLON : 0;
      case '(':
        return wordStart && i + 1 < text.length() && CharClasses.isDigit(text.charAt(i + 1))
            ? Detector.OPEN_PAREN : 0;
      default:
        return 0;
    }
  }

  private static Replacements record(Replacements found, long match, int type) {
    Replacements replacements = found == null ? new Replacements() : found;
    replacements.add(Detector.start(match), Detector.end(match), type);
    return replacements;
  }
}

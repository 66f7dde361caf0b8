package dev.piiwarden.core.redaction;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The single left-to-right pass over a text. At each character it works out, from the character
 * and the one before it, which trigger fires, and calls only the detectors listening to it; it
 * advances the credential key automaton on the way. User patterns then run on RE2J. Nothing is
 * allocated until something is found.
 *
 * <p>A cheaper pass ({@link CandidateFilter}) goes first and tells which built-in detectors could
 * match anywhere in the text; only those are called, the key automaton runs only when a credential
 * could be there, and text that could hold none of them skips the detecting pass. Every match
 * implies its detector's condition, so the result is the same as with every detector called at
 * every trigger ({@link #scanFully}). Detectors that are not built in always run.
 *
 * <p>The built-in detectors are called through fields of their own classes rather than through
 * one loop over the interface: each call site then sees one class and the JIT inlines the cheap
 * early rejections, which is most of the work on clean text. Other detectors (tests inject
 * failing ones) go through the generic loop.
 */
final class TextScanner {
  private static final String ENCODED_AT = "%40";
  private final CardDetector card;
  private final IbanDetector iban;
  private final SsnDetector ssn;
  private final EmailDetector email;
  private final PhoneDetector phone;
  private final Ipv4Detector ipv4;
  private final Ipv6Detector ipv6;
  private final CredentialDetector credential;
  private final UrlUserInfoDetector userInfo;
  private final KeyAutomaton keys;
  private final Detector[] others;
  private final int[] otherTypes;
  private final int[] otherTriggers;
  private final Pattern[] patterns;
  private final int[] patternTypes;
  /** The {@link CandidateFilter} bits of the built-in detectors configured. */
  private final int configured;
  /** Whether the filter may leave the colons of masks out: {@link CandidateFilter#masksHoldNoKey}. */
  private final boolean masksHoldNoKey;

  /**
   * @param detectors the detectors; built-in ones count as their {@link PiiType}
   * @param otherTypes for the detectors that are not built in, in order, the type index of each
   * @param patterns user patterns, with {@code patternTypes[i]} the type index of each
   */
  TextScanner(
      List<Detector> detectors, int[] otherTypes, List<Pattern> patterns, int[] patternTypes) {
    CardDetector card = null;
    IbanDetector iban = null;
    SsnDetector ssn = null;
    EmailDetector email = null;
    PhoneDetector phone = null;
    Ipv4Detector ipv4 = null;
    Ipv6Detector ipv6 = null;
    CredentialDetector credential = null;
    UrlUserInfoDetector userInfo = null;
    List<Detector> others = new ArrayList<>();
    for (Detector detector : detectors) {
      if (detector instanceof CardDetector) {
        card = (CardDetector) detector;
      } else if (detector instanceof IbanDetector) {
        iban = (IbanDetector) detector;
      } else if (detector instanceof SsnDetector) {
        ssn = (SsnDetector) detector;
      } else if (detector instanceof EmailDetector) {
        email = (EmailDetector) detector;
      } else if (detector instanceof PhoneDetector) {
        phone = (PhoneDetector) detector;
      } else if (detector instanceof Ipv4Detector) {
        ipv4 = (Ipv4Detector) detector;
      } else if (detector instanceof Ipv6Detector) {
        ipv6 = (Ipv6Detector) detector;
      } else if (detector instanceof CredentialDetector) {
        credential = (CredentialDetector) detector;
      } else if (detector instanceof UrlUserInfoDetector) {
        userInfo = (UrlUserInfoDetector) detector;
      } else {
        others.add(detector);
      }
    }
    this.card = card;
    this.iban = iban;
    this.ssn = ssn;
    this.email = email;
    this.phone = phone;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
    this.credential = credential;
    this.userInfo = userInfo;
    this.keys = credential == null ? null : credential.automaton();
    this.others = others.toArray(new Detector[0]);
    this.otherTypes = otherTypes.clone();
    this.otherTriggers = new int[this.others.length];
    for (int d = 0; d < this.others.length; d++) {
      otherTriggers[d] = this.others[d].triggers();
    }
    this.patterns = patterns.toArray(new Pattern[0]);
    this.patternTypes = patternTypes.clone();
    this.configured = (card == null ? 0 : CandidateFilter.CARD)
        | (iban == null ? 0 : CandidateFilter.IBAN)
        | (ssn == null ? 0 : CandidateFilter.SSN)
        | (email == null ? 0 : CandidateFilter.EMAIL)
        | (phone == null ? 0 : CandidateFilter.PHONE)
        | (ipv4 == null ? 0 : CandidateFilter.IPV4)
        | (ipv6 == null ? 0 : CandidateFilter.IPV6)
        | (credential == null ? 0 : CandidateFilter.CREDENTIAL)
        | (userInfo == null ? 0 : CandidateFilter.USER_INFO);
    this.masksHoldNoKey = CandidateFilter.masksHoldNoKey(keys);
  }

  /**
   * Whether credentials are detected and {@code name} names one ({@link
   * CredentialDetector#namesCredential}).
   */
  boolean namesCredential(CharSequence name) {
    return credential != null && credential.namesCredential(name);
  }

  /** The matches in {@code text}, unresolved, or null when there are none. */
  Replacements scan(CharSequence text) {
    int candidates =
        configured == 0 ? 0 : CandidateFilter.candidates(text, masksHoldNoKey) & configured;
    Replacements found = candidates == 0 && others.length == 0 ? null : detect(text, candidates);
    return userPatterns(text, found);
  }

  /**
   * What {@link #scan} finds in {@code part}, a part of a text whose {@link #shapes} were {@code
   * shapes}. The part holds at most those shapes ({@link #certainlyClean}; a mask's colon cut from
   * its label lets no key end before it), so with none, or with an address's alone, no filter pass
   * is needed: only {@code @} and {@code %40} can start a match, and the email detector is the only
   * one to call.
   */
  Replacements scanPart(String part, int shapes) {
    if (!partsNeedNoFilter(shapes)) {
      return scan(part);
    }
    boolean percent = (shapes & CandidateFilter.PERCENT_SIGN) != 0;
    if (shapes == 0 || (part.indexOf('@') < 0 && (!percent || part.indexOf('%') < 0))) {
      return null;
    }
    return emailOnly(part, percent);
  }

  /** Whether {@link #scanPart} skips the filter pass for the parts of a text with {@code shapes}. */
  boolean partsNeedNoFilter(int shapes) {
    // false for -1, a whole whose shapes are unknown
    return patterns.length == 0 && others.length == 0
        && (shapes & ~((CandidateFilter.EMAIL & configured) | CandidateFilter.PERCENT_SIGN)) == 0;
  }

  /**
   * Whether {@link #scan} certainly finds nothing in {@code text} and in every part of it: no
   * built-in detector's shape is in it, and there are no user patterns or other detectors, whose
   * matches the {@link CandidateFilter} cannot foresee. Every shape is a run of neighbouring
   * characters, and the filter's counts over a part never exceed those over the whole, so a part
   * holds no shape the whole does not. The one exception, a part that cuts a mask's colon from
   * its {@code [REDACTED}, shows the colon as a shape, but no key can end before that colon in the
   * part either, so the scan of the part still finds nothing.
   */
  boolean certainlyClean(CharSequence text) {
    return shapes(text) == 0;
  }

  /**
   * The {@link CandidateFilter} bits of the configured built-in detectors whose shape {@code text}
   * holds; all bits when user patterns or other detectors are configured, whose matches the filter
   * cannot foresee.
   */
  int shapes(CharSequence text) {
    if (patterns.length != 0 || others.length != 0) {
      return CandidateFilter.ALL;
    }
    if (configured == 0) {
      return 0;
    }
    int shapes = CandidateFilter.shapesOf(text, masksHoldNoKey);
    return (shapes & configured) == 0 ? 0 : shapes & (configured | CandidateFilter.PERCENT_SIGN);
  }

  /**
   * Whether {@code rebuilt}, a text made from one whose {@link #shapes} were {@code shapes} by
   * putting masks ({@code [REDACTED:<type>]} of a built-in type) in place of some of its parts,
   * certainly holds nothing, told without a pass over it. A mask adds no shape: it has no digit, no
   * separator of a digit cluster, no {@code @ % = /}, no {@code bearer} or {@code basic}, no upper-case letter next
   * to its edges, and its colon does not count ({@link #masksHoldNoKey}); taking parts out only
   * shortens clusters. So the rebuilt text holds at most the original's shapes, and when that was
   * an address's alone and no {@code @} or {@code %} is left, it holds none; a {@code %} is only
   * looked for when the original had one, as masks bring none.
   */
  boolean certainlyCleanRebuilt(String rebuilt, int shapes) {
    return masksHoldNoKey && (shapes & ~(CandidateFilter.EMAIL | CandidateFilter.PERCENT_SIGN)) == 0
        && rebuilt.indexOf('@') < 0
        && ((shapes & CandidateFilter.PERCENT_SIGN) == 0 || rebuilt.indexOf('%') < 0);
  }

  /**
   * The matches in {@code text} with every configured detector called at each of its triggers,
   * whatever the {@link CandidateFilter} says: what {@link #scan} must always equal.
   */
  Replacements scanFully(CharSequence text) {
    return userPatterns(text, detect(text, configured));
  }

  /** The detecting pass, calling the built-in detectors of {@code candidates} and all others. */
  private Replacements detect(CharSequence text, int candidates) {
    if (candidates == CandidateFilter.EMAIL && others.length == 0) {
      return emailOnly(text);
    }
    Replacements found = null;
    KeyAutomaton keys = (candidates & CandidateFilter.CREDENTIAL) == 0 ? null : this.keys;
    // only the key automaton finds credentials: with no other candidate, triggers are not worked out
    boolean triggers = (candidates & ~CandidateFilter.CREDENTIAL) != 0 || others.length > 0;
    int n = text.length();
    int state = 0;
    int localStart = 0;
    int covered = 0;
    int classesBefore = 0;
    char before = ' ';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int classes = CharClasses.of(c);
      int fired = triggers
          ? fired(text, i, c, classes, before, (classesBefore & CharClasses.ALNUM) == 0) : 0;
      if (fired != 0) {
        found = builtIn(text, i, fired, localStart, candidates, found);
        for (int d = 0; d < others.length; d++) {
          if ((otherTriggers[d] & fired) != 0) {
            found = record(found, others[d].detect(text, i, localStart), otherTypes[d]);
          }
        }
      }
      if (keys != null) {
        state = keys.step(state, c);
        int length = keys.keyLength(state);
        if (length > 0 && i + 1 - length >= covered) {
          long match = credential.detect(text, i + 1, i + 1 - length);
          if (match != Detector.NONE) {
            found = record(found, match, PiiType.CREDENTIAL.ordinal());
            // a key inside a value already taken is part of that value: skipping it keeps the
            // scan linear for runs such as password=password=password=...
            covered = Detector.end(match);
          }
        }
      }
      if ((classes & (CharClasses.LOCAL | CharClasses.OTHER_ALNUM)) == 0) {
        localStart = i + 1; // what CharClasses.inLocalPart tells
        if (c == '\\' && i + 1 < n && CharClasses.escapeBefore(text, i + 2)) {
          // \n, \t, \r: the escape's letter is a blank, neither a word's start nor part of one
          i++;
          c = text.charAt(i);
          if (keys != null) {
            state = keys.step(state, c);
          }
          localStart = i + 1;
          classes = CharClasses.SPACE;
        } else if (c == CharClasses.ESC) {
          // an ANSI colour code, ESC [ 31 m: a blank, as the escape itself is
          int end = CharClasses.sgrEnd(text, i);
          if (end > 0) {
            i = end - 1;
            c = ' ';
            localStart = end;
            state = 0;
          }
        }
      }
      classesBefore = classes;
      before = c;
    }
    return found;
  }

  /**
   * The detecting pass when the email detector is the only one to call (an address in a log
   * argument, say): it fires on {@code @} and {@code %40} only, so the pass looks for those and
   * works out the local part's start by looking back from each ({@link EmailDetector#localStart}),
   * instead of working out every character's classes and triggers. The detector is called at the
   * same positions with the same start as in {@link #detect}'s general loop.
   */
  private Replacements emailOnly(CharSequence text) {
    if (text instanceof String) {
      return emailOnly((String) text, true);
    }
    Replacements found = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '@'
          || (c == '%' && i + 2 < n && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0')) {
        long match = email.detect(text, i, EmailDetector.localStart(text, i));
        found = record(found, match, PiiType.EMAIL.ordinal());
      }
    }
    return found;
  }

  /**
   * {@link #emailOnly(CharSequence)} over a string: the {@code @}s and {@code %40}s are found by
   * the string's own searches rather than a character at a time, in the same order; the latter
   * only when the text may hold a {@code %}.
   */
  private Replacements emailOnly(String text, boolean percent) {
    Replacements found = null;
    int at = text.indexOf('@');
    int encoded = percent ? text.indexOf(ENCODED_AT) : -1;
    while (at >= 0 || encoded >= 0) {
      int i = encoded < 0 || (at >= 0 && at < encoded) ? at : encoded;
      long match = email.detect(text, i, EmailDetector.localStart(text, i));
      found = record(found, match, PiiType.EMAIL.ordinal());
      if (i == at) {
        at = text.indexOf('@', i + 1);
      } else {
        encoded = text.indexOf(ENCODED_AT, i + 1);
      }
    }
    return found;
  }

  /**
   * The user patterns' matches, but none that touches a mask or hash token already in the text (a
   * message whose arguments were redacted first holds them): {@code [A-Z]+} would otherwise take
   * the {@code REDACTED} of {@code [REDACTED:email]} apart.
   */
  private Replacements userPatterns(CharSequence text, Replacements found) {
    int[] ours = null;
    for (int p = 0; p < patterns.length; p++) {
      Matcher matcher = patterns[p].matcher(text);
      while (matcher.find()) {
        int start = matcher.start();
        int end = matcher.end();
        if (end > start) {
          if (ours == null) {
            ours = OwnTokens.spans(text);
          }
          if (!OwnTokens.overlaps(ours, start, end)) {
            found = record(found, Detector.match(start, end), patternTypes[p]);
          }
        }
      }
    }
    return found;
  }

  /** Calls the built-in detectors of {@code candidates} (a subset of the configured) at a trigger. */
  private Replacements builtIn(
      CharSequence text, int i, int fired, int localStart, int candidates, Replacements found) {
    final int ip = PiiType.IP.ordinal();
    switch (fired) {
      case Detector.DIGIT_RUN:
        if ((candidates & CandidateFilter.CARD) != 0) {
          found = record(found, card.detect(text, i, localStart), PiiType.CARD.ordinal());
        }
        if ((candidates & CandidateFilter.SSN) != 0) {
          found = record(found, ssn.detect(text, i, localStart), PiiType.SSN.ordinal());
        }
        if ((candidates & CandidateFilter.PHONE) != 0) {
          found = record(found, phone.detect(text, i, localStart), PiiType.PHONE.ordinal());
        }
        if ((candidates & CandidateFilter.IPV4) != 0) {
          found = record(found, ipv4.detect(text, i, localStart), ip);
        }
        if ((candidates & CandidateFilter.IPV6) != 0) {
          found = record(found, ipv6.detect(text, i, localStart), ip);
        }
        return found;
      case Detector.WORD_START:
        if ((candidates & CandidateFilter.IBAN) != 0) {
          found = record(found, iban.detect(text, i, localStart), PiiType.IBAN.ordinal());
        }
        if ((candidates & CandidateFilter.IPV6) != 0
            && CharClasses.is(text.charAt(i), CharClasses.HEX)) {
          found = record(found, ipv6.detect(text, i, localStart), ip);
        }
        return found;
      case Detector.AT_SIGN:
        if ((candidates & CandidateFilter.USER_INFO) != 0) {
          found = record(found, userInfo.detect(text, i, localStart), PiiType.CREDENTIAL.ordinal());
        }
        return (candidates & CandidateFilter.EMAIL) == 0 ? found
            : record(found, email.detect(text, i, localStart), PiiType.EMAIL.ordinal());
      case Detector.PLUS:
      case Detector.OPEN_PAREN:
        return (candidates & CandidateFilter.PHONE) == 0 ? found
            : record(found, phone.detect(text, i, localStart), PiiType.PHONE.ordinal());
      case Detector.COLON:
        return (candidates & CandidateFilter.IPV6) == 0 ? found
            : record(found, ipv6.detect(text, i, localStart), ip);
      case Detector.ENCODED_AT:
        return (candidates & CandidateFilter.EMAIL) == 0 ? found
            : record(found, email.detect(text, i, localStart), PiiType.EMAIL.ordinal());
      default:
        return found;
    }
  }

  /** The one trigger that fires at {@code i}, or 0. */
  private static int fired(
      CharSequence text, int i, char c, int classes, char before, boolean wordStart) {
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
      case '%':
        if (i + 2 < text.length() && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0') {
          return Detector.ENCODED_AT;
        }
        return wordStart && PhoneDetector.encodedPlus(text, i) ? Detector.PLUS : 0;
      default:
        return 0;
    }
  }

  private static Replacements record(Replacements found, long match, int type) {
    if (match == Detector.NONE) {
      return found;
    }
    Replacements replacements = found == null ? new Replacements() : found;
    replacements.add(Detector.start(match), Detector.end(match), type);
    return replacements;
  }
}

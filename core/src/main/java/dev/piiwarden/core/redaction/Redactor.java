package dev.piiwarden.core.redaction;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Removes personal data from free text: the engine behind the agent's log redaction and the CLI's
 * {@code piiwarden redact}, usable as a library on its own.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.create(RedactionSettings.defaults());
 * redactor.redact("mail bob@example.com, card 4111 1111 1111 1111, password=hunter2");
 * // "mail [REDACTED:email], card [REDACTED:card], password=[REDACTED:credential]"
 * RedactionCounts counts = redactor.snapshotAndReset();   // for the audit trail
 * }</pre>
 *
 * <p>Guarantees: {@link #redact} never throws; an internal error (a detector's included) gives
 * {@link #FAILED} and is counted in {@link RedactionCounts#failures()}. Text is scanned once,
 * detectors do bounded work per trigger, and user patterns run on RE2J, so the time is linear in
 * the length of the text. Text in which nothing is found is returned as the same instance, and
 * with the built-in detectors its scan allocates nothing. Instances are immutable and thread-safe.
 */
public final class Redactor {
  /** What a text becomes when its redaction failed: never the raw text. */
  public static final String FAILED = "[REDACTION_FAILED]";
  /** How every mask begins: {@link #mask}. */
  static final String MASK_START = "[REDACTED:";
  /** The count key of {@code @PersonalData} members rendered by {@link ObjectRedaction}. */
  public static final String ANNOTATED = "annotated";

  private final RedactionSettings settings;
  private final TextScanner scanner;
  /** Type names by type index: detector keys, then user pattern types. */
  private final String[] typeNames;
  private final String[] masks;
  private final LongAdder[] counts;
  private final LongAdder annotated = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final HashTokens hashTokens;

  private Redactor(RedactionSettings settings, List<Detector> extraDetectors) {
    this.settings = settings;
    List<String> types = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      types.add(type.key());
    }
    List<Detector> detectors = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      if (settings.detectors().contains(type)) {
        detectors.addAll(detectorsOf(type, settings));
      }
    }
    List<Integer> otherTypes = new ArrayList<>();
    for (Detector detector : extraDetectors) {
      int index = types.indexOf(detector.type());
      if (index < 0) {
        index = types.size();
        types.add(detector.type());
      }
      detectors.add(detector);
      otherTypes.add(index);
    }
    List<Pattern> patterns = new ArrayList<>();
    List<Integer> patternTypes = new ArrayList<>();
    for (Map.Entry<String, Pattern> pattern : settings.compiledPatterns().entrySet()) {
      patterns.add(pattern.getValue());
      patternTypes.add(types.size());
      types.add(pattern.getKey());
    }
    this.scanner = new TextScanner(detectors, ints(otherTypes), patterns, ints(patternTypes));
    this.typeNames = types.toArray(new String[0]);
    this.masks = new String[typeNames.length];
    this.counts = new LongAdder[typeNames.length];
    for (int i = 0; i < typeNames.length; i++) {
      masks[i] = mask(typeNames[i]);
      counts[i] = new LongAdder();
    }
    this.hashTokens = new HashTokens(settings);
  }

  /** A redactor with {@code settings}. */
  public static Redactor create(RedactionSettings settings) {
    return new Redactor(settings, List.of());
  }

  /** A redactor with all detectors and the mask style. */
  public static Redactor withDefaults() {
    return create(RedactionSettings.defaults());
  }

  /** A redactor with {@code settings} and further detectors, for tests of the failure path. */
  static Redactor withDetectors(RedactionSettings settings, List<Detector> extraDetectors) {
    return new Redactor(settings, extraDetectors);
  }

  /** The mask of a type: {@code [REDACTED:<type>]}. */
  public static String mask(String type) {
    return MASK_START + type + "]";
  }

  /** The settings this redactor was made with. */
  public RedactionSettings settings() {
    return settings;
  }

  /**
   * {@code text} with every detected value replaced; the same instance when nothing was found;
   * {@link #FAILED} on an internal error; {@code null} for {@code null}. Never throws.
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    try {
      return apply(text, scanner.scan(text));
    } catch (Throwable failure) {
      return fail("text", failure);
    }
  }

  /**
   * {@link #redact} of {@code value}, kept in a map under {@code key} (an MDC entry, an SLF4J
   * key-value pair, a Log4j2 context map entry): when the key names a credential as it would before
   * an {@code =} in text ({@code password}, {@code db.password}, {@code X-Api-Key}, {@code
   * accessToken}, a configured key), the whole value is replaced as a credential, unless it is one
   * that text keeps too (a mask already, {@code null}, {@code true}, {@code false}); when it names
   * an identifier ({@code dd.trace_id}, {@code spanId}), a value of digits alone is kept. {@code
   * null} for {@code null}. Never throws.
   */
  public String redactValue(String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (key == null || value.isEmpty() || CredentialDetector.keptValue(key, value)
          || !scanner.namesCredential(key)) {
        // a decimal id (dd.trace_id, spanId) is no card, as after its key in text
        return key != null && CardDetector.namesId(key) && digitsOnly(value) ? value : redact(value);
      }
      int type = PiiType.CREDENTIAL.ordinal();
      counts[type].increment();
      return settings.style() == RedactionStyle.HASH
          ? hashTokens.token(typeNames[type], (CharSequence) value) : masks[type];
    } catch (Throwable failure) {
      return fail("text", failure);
    }
  }

  private static boolean digitsOnly(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!CharClasses.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} with every detected value replaced, or {@code null} when nothing was found, read
   * in place (a {@code StringBuilder} a logging framework formatted into, say) so that clean text
   * costs no copy; {@link #FAILED} on an internal error. Never throws.
   */
  public String redactIfFound(CharSequence text) {
    if (text == null) {
      return null;
    }
    try {
      return redactSequence(text);
    } catch (Throwable failure) {
      return fail("text", failure);
    }
  }

  /**
   * Whether {@code text} certainly holds nothing to replace, told by one cheap pass that looks only
   * for the shapes the built-in detectors' matches imply (an {@code @}, a long enough run of digits,
   * an {@code =} or {@code :}, ...); always false with user patterns. When true, {@link #redact}
   * returns {@code text} itself, and the same holds for every part of {@code text}: a caller that
   * checked a formatted log message need not scan the string arguments found whole in it. False
   * says only that {@link #redact} must decide. Never throws.
   */
  public boolean certainlyClean(CharSequence text) {
    if (text == null) {
      return true;
    }
    try {
      return scanner.certainlyClean(text);
    } catch (Throwable failure) {
      return false;
    }
  }

  /**
   * The shapes {@link #certainlyClean} looks for that {@code text} holds, as an opaque value to pass
   * to {@link #redactRebuilt}; 0 exactly when {@link #certainlyClean} is true. Never throws.
   */
  public int shapes(CharSequence text) {
    if (text == null) {
      return 0;
    }
    try {
      return scanner.shapes(text);
    } catch (Throwable failure) {
      return -1;
    }
  }

  /**
   * {@link #redact} of {@code rebuilt}, which must be a text whose {@link #shapes} were {@code
   * shapes} with some of its parts replaced by what {@link #redact} made of them (a log message
   * with its arguments replaced by their redactions, say). In the mask style, when the original's
   * only shape was an e-mail address's and the rebuilt text has no {@code @} or {@code %} left, it
   * is returned without a scan: masks add no shape. Never throws.
   */
  public String redactRebuilt(String rebuilt, int shapes) {
    if (rebuilt == null) {
      return null;
    }
    try {
      if (settings.style() == RedactionStyle.MASK && scanner.certainlyCleanRebuilt(rebuilt, shapes)) {
        return rebuilt;
      }
    } catch (Throwable failure) {
      // the scan below decides, and fails closed itself
    }
    return redact(rebuilt);
  }

  /**
   * {@link #redact} of {@code part}, a part of a text whose {@link #shapes} were {@code shapes} (a
   * log argument shown whole in its formatted message, say). A part holds no shape its whole does
   * not ({@link #certainlyClean}), so when the whole held none, the part is returned as it is, and
   * when it held an e-mail address's alone, the part is returned as it is if it has no {@code @}
   * and no {@code %}, and otherwise scanned for addresses only: no filter pass over it. Never throws.
   */
  public String redactPart(String part, int shapes) {
    if (part == null) {
      return null;
    }
    try {
      return apply(part, scanner.scanPart(part, shapes));
    } catch (Throwable failure) {
      return fail("text", failure);
    }
  }

  /**
   * Whether {@link #redactPart} of a part of a text whose {@link #shapes} were {@code shapes}
   * needs no filter pass over the part: the text held no shape, or an address's alone, and there
   * are no user patterns. Otherwise it scans the part as {@link #redact} does. Never throws.
   */
  public boolean partsNeedNoFilter(int shapes) {
    return scanner.partsNeedNoFilter(shapes);
  }

  /** The scan and replacement over any char sequence; tests count its reads through this. */
  String redactSequence(CharSequence text) {
    Replacements found = scanner.scan(text);
    return found == null ? null : apply(text, found);
  }

  /** The scan behind this redactor, for tests that compare its fast path with the full scan. */
  TextScanner scanner() {
    return scanner;
  }

  /** The counts since creation or the last reset, without resetting them. */
  public RedactionCounts counts() {
    return snapshot(false);
  }

  /** The counts since creation or the last reset, resetting them to zero. */
  public RedactionCounts snapshotAndReset() {
    return snapshot(true);
  }

  String hashToken(String label, String normalised) {
    return hashTokens.token(label, normalised);
  }

  void countAnnotated() {
    annotated.increment();
  }

  /**
   * Counts a failure contained outside the engine, by a caller that wrote {@link #FAILED} in place
   * of a text (a log hook that could not read an event), so that {@link #counts()} holds it.
   */
  public void countFailure() {
    failures.increment();
  }

  /** Counts a contained failure, tells the listener, and gives {@link #FAILED}. */
  String fail(String stage, Throwable failure) {
    failures.increment();
    try {
      settings.failureListener().accept(RedactionFailure.of(stage, failure));
    } catch (RuntimeException listenerFailure) {
      // the failure is counted; a listener that fails cannot be told about itself
    }
    return FAILED;
  }

  private String apply(CharSequence text, Replacements found) {
    if (found == null) {
      return text.toString();
    }
    found.resolve();
    int size = found.size();
    if (size == 1 && found.start(0) == 0 && found.end(0) == text.length()
        && settings.style() == RedactionStyle.MASK) {
      // the whole text is one value (an address passed as a log argument, say): its mask
      counts[found.type(0)].increment();
      return masks[found.type(0)];
    }
    StringBuilder out = new StringBuilder(text.length() + 16 * size);
    int last = 0;
    for (int i = 0; i < size; i++) {
      int start = found.start(i);
      int end = found.end(i);
      int type = found.type(i);
      appendPart(out, text, last, start);
      // a JSON value that was no string ("pin":1234) becomes one, so that the JSON stays valid
      boolean quoted = jsonBareValue(text, start, end);
      if (quoted) {
        out.append('"');
      }
      if (settings.style() == RedactionStyle.HASH) {
        out.append(hashTokens.token(typeNames[type], text.subSequence(start, end)));
      } else {
        out.append(masks[type]);
      }
      if (quoted) {
        out.append('"');
      }
      counts[type].increment();
      last = end;
    }
    return appendPart(out, text, last, text.length()).toString();
  }

  /**
   * Whether {@code text[start, end)} is a whole JSON value that is not a string: right after a
   * quoted key's colon ({@code "pin": 1234}), before a {@code ,}, <code>}</code> or {@code ]} or the
   * text's end.
   */
  private static boolean jsonBareValue(CharSequence text, int start, int end) {
    int before = start - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    if (before < 1 || text.charAt(before) != ':') {
      return false;
    }
    before--;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    if (before < 0 || text.charAt(before) != '"' || (before > 0 && text.charAt(before - 1) == '\\')) {
      return false; // also an escaped key's (\"pin\":1234), inside a JSON string
    }
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    if (after == text.length()) {
      return true;
    }
    char next = text.charAt(after);
    return next == ',' || next == '}' || next == ']';
  }

  /**
   * Appends {@code text[from, to)}: a string's part as a string, which is copied whole, where
   * {@code append(CharSequence, int, int)} reads a character at a time through a call site that
   * every caller in the JVM shares.
   */
  private static StringBuilder appendPart(StringBuilder out, CharSequence text, int from, int to) {
    return from == to ? out
        : out.append(text instanceof String ? ((String) text).substring(from, to) : text.subSequence(from, to));
  }

  private RedactionCounts snapshot(boolean reset) {
    Map<String, Long> byType = new LinkedHashMap<>();
    for (int i = 0; i < typeNames.length; i++) {
      long count = reset ? counts[i].sumThenReset() : counts[i].sum();
      byType.merge(typeNames[i], count, Long::sum);
    }
    byType.put(ANNOTATED, reset ? annotated.sumThenReset() : annotated.sum());
    return new RedactionCounts(byType, reset ? failures.sumThenReset() : failures.sum());
  }

  private static List<Detector> detectorsOf(PiiType type, RedactionSettings settings) {
    switch (type) {
      case CREDENTIAL:
        return List.of(new CredentialDetector(settings.extraKeys()), new UrlUserInfoDetector());
      case CARD:
        return List.of(new CardDetector());
      case IBAN:
        return List.of(new IbanDetector());
      case SSN:
        return List.of(new SsnDetector());
      case EMAIL:
        return List.of(new EmailDetector());
      case PHONE:
        return List.of(new PhoneDetector());
      case IP:
        return List.of(new Ipv4Detector(), new Ipv6Detector());
      default:
        throw new IllegalStateException("No detector for " + type);
    }
  }

  private static int[] ints(List<Integer> values) {
    int[] array = new int[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }
}

package dev.piiwarden.core.redaction;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a {@link Redactor} does: which detectors run, the style, the HMAC key of the hash style,
 * extra credential key names, extra patterns and who hears of failures. Immutable; made with
 * {@link #builder()}.
 *
 * <pre>{@code
 * RedactionSettings settings = RedactionSettings.builder()
 *     .detectors(EnumSet.of(PiiType.EMAIL, PiiType.CARD))   // default: all
 *     .style(RedactionStyle.HASH)
 *     .hashKey(keyBytes)                                     // default: random per settings
 *     .extraKey("session_id")
 *     .pattern("employee-id", "\\bE-\\d{6}\\b")             // RE2J syntax
 *     .build();
 * }</pre>
 */
public final class RedactionSettings {

  private final Set<PiiType> detectors;
  private final RedactionStyle style;
  /** The configured key, or null: a random one is made on first use ({@link #key()}). */
  private final byte[] hashKey;
  private volatile byte[] randomKey;
  private final List<String> extraKeys;
  private final Map<String, Pattern> patterns;
  private final Consumer<RedactionFailure> failureListener;

  private RedactionSettings(Builder builder) {
    this.detectors = builder.detectors.isEmpty()
        ? Set.of() : Set.copyOf(EnumSet.copyOf(builder.detectors));
    this.style = builder.style;
    this.hashKey = builder.hashKey != null ? builder.hashKey.clone() : null;
    this.extraKeys = List.copyOf(builder.extraKeys);
    this.patterns = new LinkedHashMap<>(builder.patterns);
    this.failureListener = builder.failureListener;
  }

  /** All detectors, mask style, a random hash key, no extras. */
  public static RedactionSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  private static final String MATCHES_EMPTY = "also matches empty text (as a* or x? do), so it"
      + " would match between any two characters; make it match at least one character, e.g. with +"
      + " in place of *";

  /**
   * Why {@code regex} cannot be a redaction pattern ({@link Builder#pattern}), said of the pattern
   * ("is not valid RE2J syntax: …", "also matches empty text …"), or empty when it can.
   */
  public static Optional<String> patternProblem(String regex) {
    try {
      return Pattern.compile(regex).matcher("").find() ? Optional.of(MATCHES_EMPTY) : Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(syntaxProblem(e));
    }
  }

  private static String syntaxProblem(PatternSyntaxException e) {
    return "is not valid RE2J syntax: " + e.getDescription();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The enabled detectors. */
  public Set<PiiType> detectors() {
    return detectors;
  }

  /** Mask or hash. */
  public RedactionStyle style() {
    return style;
  }

  /** A copy of the HMAC key of hash tokens. */
  public byte[] hashKey() {
    return key().clone();
  }

  /** Configured credential key names besides the built-in ones. */
  public List<String> extraKeys() {
    return extraKeys;
  }

  /** User patterns by type name, in the order they were added. */
  public Map<String, String> patterns() {
    Map<String, String> sources = new LinkedHashMap<>();
    patterns.forEach((type, pattern) -> sources.put(type, pattern.pattern()));
    return sources;
  }

  Map<String, Pattern> compiledPatterns() {
    return patterns;
  }

  /**
   * The key itself. Without a configured key, a random one is made the first time it is asked for
   * (hash tokens, {@link #hashKey()}), so the mask style never seeds a {@code SecureRandom}.
   */
  byte[] key() {
    if (hashKey != null) {
      return hashKey;
    }
    byte[] key = randomKey;
    if (key == null) {
      synchronized (this) {
        key = randomKey;
        if (key == null) {
          key = newRandomKey();
          randomKey = key;
        }
      }
    }
    return key;
  }

  Consumer<RedactionFailure> failureListener() {
    return failureListener;
  }

  private static byte[] newRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Builds {@link RedactionSettings}; each setter checks its argument at once. */
  public static final class Builder {
    private final EnumSet<PiiType> detectors = EnumSet.allOf(PiiType.class);
    private RedactionStyle style = RedactionStyle.MASK;
    private byte[] hashKey;
    private final List<String> extraKeys = new ArrayList<>();
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private Consumer<RedactionFailure> failureListener = NoListener.INSTANCE;

    private Builder() {}

    /** Only these detectors run (none, when empty). */
    public Builder detectors(Collection<PiiType> enabled) {
      detectors.clear();
      detectors.addAll(enabled);
      return this;
    }

    /**
     * Only the detectors of this comma-separated list of keys run, as the option {@code
     * piiwarden.redaction.detectors} gives them: {@code email,phone,card}.
     *
     * @throws IllegalArgumentException naming an unknown key
     */
    public Builder detectors(String keys) {
      List<PiiType> enabled = new ArrayList<>();
      for (String key : keys.split(",")) {
        if (!key.isBlank()) {
          enabled.add(PiiType.fromKey(key));
        }
      }
      return detectors(enabled);
    }

    /** Mask (the default) or hash. */
    public Builder style(RedactionStyle style) {
      this.style = Objects.requireNonNull(style, "style");
      return this;
    }

    /**
     * The HMAC-SHA256 key of hash tokens; at least 16 bytes. Without one, a random key is made,
     * and tokens are stable only within these settings.
     */
    public Builder hashKey(byte[] key) {
      if (key.length < 16) {
        throw new IllegalArgumentException(
            "The redaction hash key has " + key.length + " bytes: it needs at least 16");
      }
      this.hashKey = key.clone();
      return this;
    }

    /**
     * One more key name whose values are credentials ({@code piiwarden.redaction.keys}).
     *
     * @throws IllegalArgumentException when it holds anything but ASCII letters, digits, {@code
     *     _} and {@code -}
     */
    public Builder extraKey(String key) {
      String name = key.strip();
      if (name.isEmpty() || !name.chars().allMatch(c -> c < 128
          && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
        throw new IllegalArgumentException(
            "Redaction key name '" + key + "' may hold only ASCII letters, digits, '_' and '-'");
      }
      extraKeys.add(name.toLowerCase(Locale.ROOT));
      return this;
    }

    /** Several extra key names. */
    public Builder extraKeys(Collection<String> keys) {
      keys.forEach(this::extraKey);
      return this;
    }

    /**
     * An extra pattern, in RE2J syntax (linear time; no back-references or look-around), whose
     * matches are replaced as values of {@code type} ({@code [REDACTED:<type>]}).
     *
     * @throws IllegalArgumentException when the type name is not lower-case letters, digits, {@code
     *     . _ -}, the pattern is not valid RE2J syntax, or it matches empty text
     */
    public Builder pattern(String type, String regex) {
      if (!typeName(type)) {
        throw new IllegalArgumentException("Redaction pattern type '" + type
            + "' must be lower-case letters, digits, '.', '_' or '-',"
            + " starting with a letter or digit");
      }
      Pattern compiled;
      try {
        compiled = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Redaction pattern '" + type + "' " + syntaxProblem(e), e);
      }
      if (compiled.matcher("").find()) {
        throw new IllegalArgumentException("Redaction pattern '" + type + "' " + MATCHES_EMPTY);
      }
      patterns.put(type, compiled);
      return this;
    }

    /**
     * Who is told of each contained failure (besides the failure count), e.g. to report it once.
     * The listener must not throw; what it throws is ignored.
     */
    public Builder onFailure(Consumer<RedactionFailure> listener) {
      this.failureListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The settings. */
    public RedactionSettings build() {
      return new RedactionSettings(this);
    }
  }

  /**
   * A user pattern's type name: a lower-case letter or digit, then up to 62 of those, {@code .},
   * {@code _} or {@code -}. Checked by hand, not by a regex: the agent builds its settings while
   * the application starts.
   */
  static boolean typeName(String type) {
    if (type.isEmpty() || type.length() > 63) {
      return false;
    }
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!letterOrDigit && (i == 0 || c != '.' && c != '_' && c != '-')) {
        return false;
      }
    }
    return true;
  }

  /** The default failure listener: failures are only counted. A class, as a lambda would spin one. */
  private static final class NoListener implements Consumer<RedactionFailure> {
    static final NoListener INSTANCE = new NoListener();

    @Override
    public void accept(RedactionFailure failure) {
      // counted by the redactor; nobody asked to hear of them
    }
  }
}

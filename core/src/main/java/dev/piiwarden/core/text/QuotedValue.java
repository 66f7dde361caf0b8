package dev.piiwarden.core.text;

import dev.piiwarden.core.redaction.PiiType;
import dev.piiwarden.core.redaction.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value given to PII Warden (an annotation's string, an option's value, an argument of {@code
 * Consents}) as a message may quote it: through core's redaction engine with its defaults, so
 * that a value shaped like personal data (an e-mail address where a purpose key belongs, a card
 * number as an option's value) is shown masked and does not end up in build logs, stderr, or an
 * exception the application passes on. The processor's diagnostics, the agent's configuration
 * errors, {@code Consents}' and the CLI's messages all quote values through this class. A message
 * that shows a masked value gives what the value looks like instead of a "did you mean": the
 * closest key to an e-mail address is noise.
 *
 * @param shown the value, or its redaction ({@code [REDACTED:email]}) when anything was found
 * @param looksLike what was found, e.g. {@code "an e-mail address"}; null when nothing was
 */
public record QuotedValue(String shown, String looksLike) {
  private static final Map<PiiType, String> NAMES = Map.of(
      PiiType.EMAIL, "an e-mail address",
      PiiType.PHONE, "a phone number",
      PiiType.CARD, "a payment card number",
      PiiType.IBAN, "a bank account number (IBAN)",
      PiiType.SSN, "a social security number",
      PiiType.IP, "an IP address",
      PiiType.CREDENTIAL, "a credential");

  /** The engine with its defaults: every detector, masks. Immutable and thread-safe. */
  private static final class Engine {
    static final Redactor REDACTOR = Redactor.withDefaults();
  }

  /** {@code raw} as a diagnostic may show it; null stays null. */
  public static QuotedValue of(String raw) {
    if (raw == null) {
      return new QuotedValue(null, null);
    }
    String redacted = Engine.REDACTOR.redact(raw);
    if (redacted.equals(raw)) {
      return new QuotedValue(raw, null);
    }
    List<String> found = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      if (redacted.contains(Redactor.mask(type.key()))) {
        found.add(NAMES.get(type));
      }
    }
    // Redactor.FAILED, or a mask of no built-in type: still never the raw value.
    return new QuotedValue(redacted, found.isEmpty() ? "personal data" : String.join(" and ", found));
  }

  /** {@code text} as a diagnostic may show it: {@link #of} without what was found. */
  public static String shown(String text) {
    return of(text).shown();
  }

  /** {@code raw} as {@link #shown} gives it, in single quotes: {@code 'monitr'}, {@code '[REDACTED:email]'}. */
  public static String quoted(String raw) {
    return "'" + shown(raw) + "'";
  }

  /**
   * A regular expression given as an option ({@code alice@example\.com}) as a message may show
   * it: masked when it, or the text it spells with its escapes of punctuation taken as the
   * characters they stand for, looks like personal data; else as given.
   */
  public static String pattern(String regex) {
    if (regex == null) {
      return null;
    }
    QuotedValue asGiven = of(regex);
    if (asGiven.masked()) {
      return asGiven.shown();
    }
    StringBuilder spelt = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
        c = regex.charAt(++i);
      }
      spelt.append(c);
    }
    QuotedValue unescaped = of(spelt.toString());
    return unescaped.masked() ? unescaped.shown() : regex;
  }

  /** {@code regex} as {@link #pattern} gives it, in single quotes, as option values are quoted. */
  public static String quotedPattern(String regex) {
    return "'" + pattern(regex) + "'";
  }

  /** Whether the value was masked because it looks like personal data. */
  public boolean masked() {
    return looksLike != null;
  }
}

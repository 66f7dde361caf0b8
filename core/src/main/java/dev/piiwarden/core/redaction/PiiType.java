package dev.piiwarden.core.redaction;

import java.util.Locale;

/**
 * The kinds of personal data the built-in text detectors find. {@link #key()} is the name used in
 * masks ({@code [REDACTED:email]}), hash tokens and the {@code piiwarden.redaction.detectors}
 * option.
 */
public enum PiiType {
  /** Credentials by key name: {@code password=…}, {@code "token": "…"}, {@code Bearer …}. */
  CREDENTIAL("credential"),
  /** Payment card numbers: 12 to 19 digits, a known IIN range for the length, Luhn. */
  CARD("card"),
  /** International bank account numbers: country length and ISO 7064 mod 97. */
  IBAN("iban"),
  /** US social security numbers: area, group and serial rules. */
  SSN("ssn"),
  /** Email addresses: local part and domain grammar with a real top-level domain shape. */
  EMAIL("email"),
  /** Phone numbers: E.164 with {@code +}, national formats after a context word. */
  PHONE("phone"),
  /** IPv4 and IPv6 addresses, parsed. */
  IP("ip");

  private final String key;

  PiiType(String key) {
    this.key = key;
  }

  /** The lower-case name used in masks, tokens and options. */
  public String key() {
    return key;
  }

  /**
   * The type named {@code key}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the known keys when there is none of that name
   */
  public static PiiType fromKey(String key) {
    String wanted = key.strip().toLowerCase(Locale.ROOT);
    for (PiiType type : values()) {
      if (type.key.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown redaction detector '" + key.strip()
            + "': use one or more of email, phone, card, iban, ip, ssn, credential");
  }
}

package dev.piiwarden.core.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, stable tokens for the hash style: {@code [<type>:<16 hex digits>]}, the hex being the
 * first 8 bytes of HMAC-SHA256(key, UTF-8 of the normalised value).
 *
 * <p>Normalisation makes one value written two ways give one token: emails, IP addresses and
 * values of annotated members are lower-cased; cards, phones and SSNs keep their digits only (and
 * a phone's leading {@code +}); IBANs are upper-cased without spaces; credentials and user pattern
 * matches are taken as they are. Annotated members are also stripped of surrounding blanks.
 */
final class HashTokens {
  /** The hex digits of a token: the first 8 bytes of the value's HMAC. */
  static final int DIGITS = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final RedactionSettings settings;
  private volatile Keyed keyed;

  /**
   * @param settings whose key is read, and the HMAC set up, on the first token: a redactor in the
   *     mask style never loads the JCE
   */
  HashTokens(RedactionSettings settings) {
    this.settings = settings;
  }

  /** The key and a keyed HMAC to clone per token. */
  private static final class Keyed {
    final SecretKeySpec key;
    final Mac prototype;

    Keyed(byte[] key) {
      try {
        this.key = new SecretKeySpec(key, ALGORITHM);
        prototype = Mac.getInstance(ALGORITHM);
        prototype.init(this.key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
      }
    }
  }

  private Keyed keyed() {
    Keyed current = keyed;
    if (current == null) {
      synchronized (this) {
        current = keyed;
        if (current == null) {
          current = new Keyed(settings.key());
          keyed = current;
        }
      }
    }
    return current;
  }

  /** The token of a detected value of {@code type}. */
  String token(String type, CharSequence value) {
    return token(type, normalise(type, value));
  }

  /**
   * The token of an already normalised value, with {@code label} as its type: {@code
   * [label:<DIGITS lower-case hex digits>]}.
   */
  String token(String label, String normalised) {
    byte[] digest = mac().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    StringBuilder token = new StringBuilder(label.length() + DIGITS + 3);
    token.append('[').append(label).append(':');
    for (int i = 0; i < DIGITS / 2; i++) {
      token.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
    }
    return token.append(']').toString();
  }

  static String normalise(String type, CharSequence value) {
    switch (type) {
      case "email":
        // an address in a URL, jane%40example.com, is the same address
        return value.toString().toLowerCase(Locale.ROOT).replace("%40", "@");
      case "ip":
        String ip = value.toString().toLowerCase(Locale.ROOT);
        return ip.indexOf(':') < 0 ? ip : Ipv6Text.canonical(ip);
      case "card":
      case "ssn":
      case "phone":
        StringBuilder digits = new StringBuilder(value.length());
        int from = 0;
        if (PhoneDetector.encodedPlus(value, 0)) {
          // %2B, a URL's +, is the international prefix
          digits.append('+');
          from = 3;
        }
        for (int i = from; i < value.length(); i++) {
          char c = value.charAt(i);
          if (CharClasses.isDigit(c) || (c == '+' && digits.length() == 0)) {
            digits.append(c);
          }
        }
        return digits.toString();
      case "iban":
        return value.toString().replace(" ", "").replace("+", "").toUpperCase(Locale.ROOT);
      default:
        return value.toString();
    }
  }

  /** A member value's normal form: stripped and lower-cased. */
  static String normaliseMember(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private Mac mac() {
    Keyed current = keyed();
    try {
      return (Mac) current.prototype.clone();
    } catch (CloneNotSupportedException notCloneable) {
      // some providers cannot clone a keyed Mac; a fresh one costs a provider look-up
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(current.key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 cannot be initialised", e);
      }
    }
  }
}

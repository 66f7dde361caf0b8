package dev.piiwarden.core.consent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the times of ledger lines. Records are written with {@link Instant#toString}, {@code
 * 2026-01-01T10:00:00.123Z}; that form is read here without the general parser, which is most of
 * the time of loading a large ledger. Anything else goes to {@link Instant#parse}.
 */
final class LedgerInstant {
  private LedgerInstant() {}

  static Instant parse(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return Instant.parse(text);
      }
      nanos = digits(text, 20, length - 1);
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    // a field that is not all digits is -1: the general parser says what is wrong with it
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return Instant.parse(text);
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}

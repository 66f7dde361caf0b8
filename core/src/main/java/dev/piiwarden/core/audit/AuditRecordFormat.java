package dev.piiwarden.core.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The one canonical line of a record (SPEC §7): fields in the order {@code v, seq, ts, type,
 * subject, actor, purposes, activity, categories, reason}, then the details in key order, then
 * {@code prev} and last {@code hash}. Absent fields and empty lists are left out. {@code ts} has
 * exactly six fraction digits and {@code Z}.
 *
 * <p>The hashed text ("the record without {@code hash}") is this line up to, not including, {@code
 * ,"hash":…}, closed with {@code }}: the {@link #unsealed} form. Because {@code hash} is always
 * last, a verifier recovers the hashed bytes from the stored line itself, so any change of any
 * byte, even one that leaves the JSON meaning alone, breaks the hash.
 */
public final class AuditRecordFormat {
  /** The format version written as {@code v}. */
  public static final int VERSION = 1;

  static final String HASH_SUFFIX_START = ",\"hash\":\"";


  /** The last second formatted, reused: events come many to a second. Immutable, so shareable. */
  private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

  private record FormattedSecond(long epochSecond, String text) {}

  private AuditRecordFormat() {}

  /** The record without {@code hash}: the text the hash covers, after {@code prev}. */
  public static String unsealed(AuditEvent event, long seq, String prev) {
    String body = event.body();
    StringBuilder out = new StringBuilder(body.length() + 112);
    out.append("{\"v\":").append(VERSION).append(",\"seq\":").append(seq).append(body);
    out.append(",\"prev\":\"").append(prev).append("\"}");
    return out.toString();
  }

  /**
   * The part of the line that depends on the event alone: from {@code ,"ts"} to the last detail.
   * Built once per event, by the thread that builds the event, so that the one writer thread only
   * adds seq and prev and computes the hash.
   */
  static String body(AuditEvent event) {
    StringBuilder out = new StringBuilder(384);
    out.append(",\"ts\":\"");
    timestamp(out, event.ts());
    out.append('"');
    field(out, "type", event.type());
    field(out, "subject", event.subject());
    field(out, "actor", event.actor());
    list(out, "purposes", event.purposes());
    field(out, "activity", event.activity());
    list(out, "categories", event.categories());
    field(out, "reason", event.reason());
    for (Map.Entry<String, Object> detail : event.details().entrySet()) {
      out.append(',');
      CanonicalJson.string(out, detail.getKey());
      out.append(':');
      CanonicalJson.value(out, detail.getValue());
    }
    return out.toString();
  }

  /** A timestamp as {@code ts} holds it. */
  static String timestamp(Instant ts) {
    StringBuilder out = new StringBuilder(27);
    timestamp(out, ts);
    return out.toString();
  }

  /**
   * {@code uuuu-MM-ddTHH:mm:ss.} by hand: {@code java.time.format} costs tens of milliseconds to
   * load, which an agent's start should not pay.
   */
  private static String secondText(long epochSecond) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(20);
    digits(out, time.getYear(), 4).append('-');
    digits(out, time.getMonthValue(), 2).append('-');
    digits(out, time.getDayOfMonth(), 2).append('T');
    digits(out, time.getHour(), 2).append(':');
    digits(out, time.getMinute(), 2).append(':');
    digits(out, time.getSecond(), 2).append('.');
    return out.toString();
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  /** {@code uuuu-MM-ddTHH:mm:ss.ffffffZ}: the second from a one-entry cache, then the micros. */
  private static void timestamp(StringBuilder out, Instant ts) {
    FormattedSecond second = lastSecond;
    if (second.epochSecond() != ts.getEpochSecond()) {
      second = new FormattedSecond(ts.getEpochSecond(), secondText(ts.getEpochSecond()));
      lastSecond = second;
    }
    out.append(second.text());
    int micros = ts.getNano() / 1000;
    for (int divisor = 100_000; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + micros / divisor % 10));
    }
    out.append('Z');
  }

  /** The full line, without its newline: the unsealed text with {@code "hash"} added last. */
  public static String sealed(String unsealed, String hash) {
    // Sized once: core is compiled with StringBuilder concatenation, which would grow from 16
    // chars several times for every record the writer seals.
    int end = unsealed.length() - 1;
    return new StringBuilder(end + HASH_SUFFIX_START.length() + hash.length() + 2)
        .append(unsealed, 0, end).append(HASH_SUFFIX_START).append(hash).append("\"}").toString();
  }

  /**
   * The unsealed text of a stored line, or null when the line does not end with {@code
   * ,"hash":"<64 hex>"}}.
   */
  static String unsealedOf(String line) {
    int suffixLength = HASH_SUFFIX_START.length() + 64 + 2;
    if (line.length() < suffixLength + 2 || !line.endsWith("\"}")) {
      return null;
    }
    int start = line.length() - suffixLength;
    if (!line.startsWith(HASH_SUFFIX_START, start)) {
      return null;
    }
    return new StringBuilder(start + 1).append(line, 0, start).append('}').toString();
  }

  /** The hash of a stored line, if {@link #unsealedOf} is not null. */
  static String hashOf(String line) {
    return line.substring(line.length() - 66, line.length() - 2);
  }

  private static void field(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(",\"").append(name).append("\":");
      CanonicalJson.string(out, value);
    }
  }

  private static void list(StringBuilder out, String name, List<String> values) {
    if (!values.isEmpty()) {
      out.append(",\"").append(name).append("\":");
      CanonicalJson.value(out, values);
    }
  }
}

package dev.piiwarden.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A stored line read back as a record: its seq, prev, hash and type, taken from the canonical
 * layout the writer uses ({@link AuditRecordFormat}). A line without that layout is not a record.
 * Whether the record is genuine is for {@link #hashMatches} to say.
 *
 * @param seq the record's seq
 * @param prev its prev
 * @param hash its hash
 * @param type its type
 * @param line the whole line
 * @param unsealed the line without {@code hash}: what the hash covers after {@code prev}
 */
record RecordLine(long seq, String prev, String hash, String type, String line, String unsealed) {
  private static final String HEAD = "{\"v\":" + AuditRecordFormat.VERSION + ",\"seq\":";
  private static final String PREV = ",\"prev\":\"";
  private static final String TYPE = ",\"type\":\"";

  /** The record in the line's bytes, or null when they are not one (not UTF-8, not the layout). */
  static RecordLine parse(byte[] bytes) {
    String line;
    try {
      line = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    return parse(line);
  }

  /** The record in the line, or null when it is not one. */
  static RecordLine parse(String line) {
    String unsealed = AuditRecordFormat.unsealedOf(line);
    if (unsealed == null || !unsealed.startsWith(HEAD)) {
      return null;
    }
    int seqEnd = HEAD.length();
    while (seqEnd < unsealed.length() && Character.isDigit(unsealed.charAt(seqEnd))) {
      seqEnd++;
    }
    if (seqEnd == HEAD.length() || seqEnd - HEAD.length() > 18) {
      return null;
    }
    long seq = Long.parseLong(unsealed.substring(HEAD.length(), seqEnd));
    int prevStart = unsealed.length() - 2 - 64;
    if (prevStart < seqEnd || !unsealed.startsWith(PREV, prevStart - PREV.length())
        || !isHex(unsealed, prevStart, 64)) {
      return null;
    }
    String hash = AuditRecordFormat.hashOf(line);
    if (!isHex(hash, 0, 64)) {
      return null;
    }
    int typeStart = unsealed.indexOf(TYPE, seqEnd);
    if (typeStart < 0) {
      return null;
    }
    typeStart += TYPE.length();
    int typeEnd = unsealed.indexOf('"', typeStart);
    if (typeEnd < 0) {
      return null;
    }
    return new RecordLine(seq, unsealed.substring(prevStart, prevStart + 64), hash,
        unsealed.substring(typeStart, typeEnd), line, unsealed);
  }

  /**
   * Whether {@code line} (one line's bytes, without its newline) can be record {@code seq} cut short
   * while a writer wrote it: it begins as a writer begins that record, {@code {"v":1,"seq":<seq>,"ts":"}
   * (or is a beginning of that), and it does not end as a whole record does, with its hash. Anything
   * else after a trail's last record was put there some other way than by a crash, and a restarted
   * writer does not acknowledge it as a torn record.
   */
  static boolean isTornStartOf(byte[] line, long seq) {
    byte[] head = (HEAD + seq + ",\"ts\":\"").getBytes(StandardCharsets.US_ASCII);
    if (line.length == 0) {
      return false;
    }
    for (int i = 0; i < Math.min(head.length, line.length); i++) {
      if (line[i] != head[i]) {
        return false;
      }
    }
    // a whole line, ending in its hash, is a record that was changed, not one cut short; its
    // bytes read one char each, as the suffix looked for is ASCII
    return AuditRecordFormat.unsealedOf(new String(line, StandardCharsets.ISO_8859_1)) == null;
  }

  /** Whether the hash is the HMAC of {@code prev} and the record without hash under the key. */
  boolean hashMatches(KeyedHash key) {
    return key.hex(prev, unsealed).equals(hash);
  }

  private static boolean isHex(String text, int from, int length) {
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}

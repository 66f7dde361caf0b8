package dev.piiwarden.core.consent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.api.ConsentRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One ledger line: {@code {"subject":…,"purpose":…,"state":"GRANTED","time":"…Z","source":…,
 * "expires":"…Z"}}, {@code expires} left out when there is none.
 *
 * <p>Lines are read straight from their UTF-8 bytes with a streaming parser: bytes that are not
 * UTF-8 make the line damaged rather than turn into replacement characters, and a ledger of a
 * million lines loads without building a tree per line.
 */
final class ConsentRecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  /** The fields a record has; only these are named in messages (another name may be anything). */
  private static final Set<String> KNOWN_FIELDS =
      Set.of("subject", "purpose", "state", "time", "source", "expires");

  private ConsentRecordJson() {}

  static byte[] line(ConsentRecord record) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("subject", record.subject());
    node.put("purpose", record.purpose());
    node.put("state", record.state().name());
    node.put("time", record.time().toString());
    node.put("source", record.source());
    if (record.expires() != null) {
      node.put("expires", record.expires().toString());
    }
    try {
      return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a consent record as JSON", e);
    }
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException when the line is not a consent record
   */
  static ConsentRecord parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    ParsedLine parsed = parse(bytes, 0, bytes.length);
    if (parsed.record() == null) {
      throw new IllegalArgumentException(parsed.problem());
    }
    return parsed.record();
  }

  /**
   * What one line of a ledger holds: a record; or a line cut off before its JSON closes (a write
   * torn by a crash); or a damaged line, with the subject it names when that part is still
   * readable.
   *
   * @param record the record, or null
   * @param cutOff whether the line ends before its JSON is complete
   * @param subject the subject a line that is no record names, or null when it cannot be read
   * @param problem why the line is no record, without its content; null for a record
   */
  record ParsedLine(ConsentRecord record, boolean cutOff, String subject, String problem) {}

  /** Parses the line {@code bytes[offset, offset + length)}, without its newline. */
  static ParsedLine parse(byte[] bytes, int offset, int length) {
    ConsentRecord canonical = CanonicalLine.parse(bytes, offset, length);
    if (canonical != null) {
      return new ParsedLine(canonical, false, canonical.subject(), null);
    }
    String subject = null;
    String purpose = null;
    String state = null;
    String time = null;
    String source = null;
    String expires = null;
    // A field given twice is read one way by a parser and another by a person or a grep: the
    // line is ambiguous, so it is damage, not decided by whichever value comes last.
    Set<String> fields = new HashSet<>();
    String twice = null;
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new ParsedLine(null, false, null, "not a JSON object");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if (!fields.add(field)) {
          twice = twice == null || field.equals("subject") ? field : twice;
        }
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          String text = parser.getText();
          switch (field) {
            case "subject" -> subject = text;
            case "purpose" -> purpose = text;
            case "state" -> state = text;
            case "time" -> time = text;
            case "source" -> source = text;
            case "expires" -> expires = text;
            default -> { }
          }
        } else {
          parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return new ParsedLine(null, false, subject, "not JSON");
      }
    } catch (JsonEOFException e) {
      return new ParsedLine(null, true, subject, "cut off");
    } catch (IOException e) {
      // a cut after a comma is reported as "Unexpected end-of-input", not as an EOF exception
      boolean cutOff = e.getMessage() != null && e.getMessage().contains("end-of-input");
      return new ParsedLine(null, cutOff, subject, cutOff ? "cut off" : "not JSON");
    }
    if (twice != null) {
      // two subjects: which one the line is about cannot be told
      return new ParsedLine(null, false, twice.equals("subject") ? null : subject,
          "not a consent record: " + (KNOWN_FIELDS.contains(twice)
              ? "field " + twice + " given twice" : "a field given twice"));
    }
    String missing = subject == null ? "subject" : purpose == null ? "purpose" : state == null
        ? "state" : time == null ? "time" : source == null ? "source" : null;
    if (missing != null) {
      return new ParsedLine(null, false, subject, "not a consent record: missing field " + missing);
    }
    try {
      return new ParsedLine(new ConsentRecord(subject, purpose, ConsentRecord.State.valueOf(state),
          LedgerInstant.parse(time), source, expires == null ? null : LedgerInstant.parse(expires)),
          false, subject, null);
    } catch (RuntimeException e) {
      return new ParsedLine(null, false, subject,
          "not a consent record: " + e.getClass().getSimpleName());
    }
  }
}

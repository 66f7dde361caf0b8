package dev.piiwarden.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events about one data subject, for an access request (GDPR Art. 15): the subject's id is
 * pseudonymised with the trail's key (or its pseudonym is given) and matched against each record's
 * {@code subject}. The id itself is never stored or printed. Lines that are not records are skipped; {@link
 * AuditVerifier} is the tool for damage.
 */
public final class AuditQuery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

  private final Pseudonymizer pseudonymizer;
  private final KeyedHash key;

  /** A query with the trail's key. */
  public AuditQuery(AuditKey key) {
    this.pseudonymizer = new Pseudonymizer(key);
    this.key = key.hash();
  }

  /** One matching record: where it is and its fields in their written order. */
  public record Match(Path file, long line, Map<String, Object> fields, String json) {}

  /**
   * The records about {@code subjectId} in the files, in file order.
   *
   * @throws AuditException when a file cannot be read
   */
  public List<Match> about(List<Path> files, String subjectId) {
    return aboutPseudonym(files, pseudonymizer.pseudonym(subjectId));
  }

  /**
   * The records whose {@code subject} is {@code pseudonym} ({@code hmac:} and 64 lower-case hex
   * digits, as the trail holds it), in file order.
   *
   * @throws AuditException when a file cannot be read
   */
  public List<Match> aboutPseudonym(List<Path> files, String pseudonym) {
    return matching(files, "subject", pseudonym);
  }

  /**
   * The records of one {@code type} ({@code consent.changed}) in the files, in file order; lines
   * that are no record are left out (verification reports them).
   *
   * @throws AuditException when a file cannot be read
   */
  public List<Match> ofType(List<Path> files, String type) {
    return matching(files, "type", type);
  }

  /**
   * The records whose text field {@code field} is {@code value}, in file order: a line is parsed
   * only when its text holds {@code "field":"value"}. A line laid out like a record but not JSON is
   * damage, which verification reports, and is left out.
   */
  private List<Match> matching(List<Path> files, String field, String value) {
    String marker = "\"" + field + "\":\"" + value + "\"";
    List<Match> matches = new ArrayList<>();
    try (TrailLines lines = new TrailLines(files)) {
      TrailLines.Line line;
      while ((line = lines.next()) != null) {
        RecordLine record = RecordLine.parse(line.bytes());
        if (record == null || !record.unsealed().contains(marker)) {
          continue;
        }
        Map<String, Object> fields;
        try {
          fields = JSON.readValue(record.line(), FIELDS);
        } catch (JsonProcessingException e) {
          continue;
        }
        if (value.equals(fields.get(field))) {
          matches.add(new Match(line.file(), line.number(), fields, record.line()));
        }
      }
    }
    return matches;
  }

  /**
   * Whether any record of the files was sealed with this query's key, or the files hold no record.
   * When none was, the key is not the trail's: every subject's pseudonym under it differs from the
   * trail's, and a query would answer "no events" about anyone. Stops at the first record that
   * verifies, so with the right key it reads little.
   *
   * @throws AuditException when a file cannot be read
   */
  public boolean anyRecordSealedWithKey(List<Path> files) {
    boolean anyRecord = false;
    try (TrailLines lines = new TrailLines(files)) {
      TrailLines.Line line;
      while ((line = lines.next()) != null) {
        RecordLine record = RecordLine.parse(line.bytes());
        if (record == null) {
          continue;
        }
        if (record.hashMatches(key)) {
          return true;
        }
        anyRecord = true;
      }
    }
    return !anyRecord;
  }
}

package dev.piiwarden.core.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.api.ConsentRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One ledger line: {@code {"subject":…,"purpose":…,"state":"GRANTED","time":"…Z","source":…,
 * "expires":"…Z"}}, {@code expires} left out when there is none.
 */
final class ConsentRecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      return new ConsentRecord(
          text(node, "subject"),
          text(node, "purpose"),
          ConsentRecord.State.valueOf(text(node, "state")),
          Instant.parse(text(node, "time")),
          text(node, "source"),
          node.hasNonNull("expires") ? Instant.parse(node.get("expires").asText()) : null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a consent record: " + e.getClass().getSimpleName(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return value.asText();
  }
}

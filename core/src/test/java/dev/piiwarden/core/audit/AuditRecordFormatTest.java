package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditRecordFormatTest {
  private static final String ZEROS = "0".repeat(64);

  @Test
  void aFixedKeyAndEventsGiveAKnownChain() {
    HashChain chain = new HashChain(AuditFixtures.KEY, ChainPosition.START);
    Pseudonymizer pseudonyms = new Pseudonymizer(AuditFixtures.KEY);
    List<String> lines = List.of(
        chain.seal(AuditEvent.of(AuditEventType.AGENT_STARTED)
            .ts(Instant.parse("2026-11-22T10:15:32.123456789Z"))
            .detail("version", "0.1.0")
            .detail("config", Map.of("piiwarden.consent.mode", "enforce"))
            .build()).line(),
        chain.seal(AuditEvent.of(AuditEventType.CONSENT_DENIED)
            .ts(Instant.parse("2026-11-22T10:15:32.5Z"))
            .subject(pseudonyms.pseudonym("u-42"))
            .actor("svc-crm")
            .purposes("marketing.communications.email")
            .activity("com.acme.Newsletter#send(com.acme.User)")
            .categories("user.contact.email")
            .reason("NOT_GRANTED")
            .build()).line(),
        chain.seal(AuditEvent.of(AuditEventType.CONSENT_CHANGED)
            .ts(Instant.parse("2026-11-22T10:16:00Z"))
            .subject(pseudonyms.pseudonym("u-42"))
            .purposes("marketing")
            .detail("source", "settings \"page\"\n")
            .detail("state", "GRANTED")
            .build()).line());

    assertEquals(List.of(
        "{\"v\":1,\"seq\":1,\"ts\":\"2026-11-22T10:15:32.123456Z\",\"type\":\"agent.started\","
            + "\"config\":{\"piiwarden.consent.mode\":\"enforce\"},\"version\":\"0.1.0\","
            + "\"prev\":\"" + ZEROS + "\","
            + "\"hash\":\"a15129757da4dec83dbe16caf1c0270d89d36d798fcaffc1181a8226c3f29c55\"}",
        "{\"v\":1,\"seq\":2,\"ts\":\"2026-11-22T10:15:32.500000Z\",\"type\":\"consent.denied\","
            + "\"subject\":\"hmac:7b8a8cc6218ed4cd0c64f3cc32a5895dc326a09c7df22bb20deb7b99f84e6e61\","
            + "\"actor\":\"svc-crm\",\"purposes\":[\"marketing.communications.email\"],"
            + "\"activity\":\"com.acme.Newsletter#send(com.acme.User)\","
            + "\"categories\":[\"user.contact.email\"],\"reason\":\"NOT_GRANTED\","
            + "\"prev\":\"a15129757da4dec83dbe16caf1c0270d89d36d798fcaffc1181a8226c3f29c55\","
            + "\"hash\":\"d3bfee79e627f198892b5bf9299a751c846a667c15411c99af97c153d1dc7690\"}",
        "{\"v\":1,\"seq\":3,\"ts\":\"2026-11-22T10:16:00.000000Z\",\"type\":\"consent.changed\","
            + "\"subject\":\"hmac:7b8a8cc6218ed4cd0c64f3cc32a5895dc326a09c7df22bb20deb7b99f84e6e61\","
            + "\"purposes\":[\"marketing\"],\"source\":\"settings \\\"page\\\"\\n\",\"state\":\"GRANTED\","
            + "\"prev\":\"d3bfee79e627f198892b5bf9299a751c846a667c15411c99af97c153d1dc7690\","
            + "\"hash\":\"ce06118341b9a4a2706c90f2795f2a7e2978d3d22ead68e6095e458932a9c9c6\"}"),
        lines);
  }

  @Test
  void hashIsHmacOfPrevAndTheRecordWithoutHash() throws Exception {
    String line = AuditFixtures.chain(2).get(1);
    JsonNode record = new ObjectMapper().readTree(line);
    String withoutHash = line.substring(0, line.indexOf(",\"hash\":")) + "}";

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AuditFixtures.KEY_BYTES, "HmacSHA256"));
    byte[] expected = mac.doFinal((record.get("prev").asText() + withoutHash)
        .getBytes(StandardCharsets.UTF_8));

    assertEquals(HexFormat.of().formatHex(expected), record.get("hash").asText());
  }

  @Test
  void recordHasTheSpecShape() throws Exception {
    JsonNode record = new ObjectMapper().readTree(AuditFixtures.chain(1).get(0));

    assertEquals(List.of("v", "seq", "ts", "type", "subject", "actor", "purposes", "activity",
        "categories", "prev", "hash"), fieldNames(record));
    assertEquals(1, record.get("v").asInt());
    assertTrue(record.get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
    assertTrue(record.get("subject").asText().matches("hmac:[0-9a-f]{64}"));
    assertEquals(ZEROS, record.get("prev").asText());
  }

  @Test
  void pseudonymIsHmacOfTheSubjectId() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AuditFixtures.KEY_BYTES, "HmacSHA256"));
    String expected = "hmac:" + HexFormat.of().formatHex(mac.doFinal("u-42".getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, new Pseudonymizer(AuditFixtures.KEY).pseudonym("u-42"));
  }

  @Test
  void aRawSubjectIdIsRefusedWithoutBeingRepeated() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> AuditEvent.of(AuditEventType.ACCESS).subject("alice@example.com"));
    assertTrue(!refused.getMessage().contains("alice"), refused.getMessage());
  }

  @Test
  void detailsMayNotReuseFixedFieldsOrHoldOtherValues() {
    assertThrows(IllegalArgumentException.class,
        () -> AuditEvent.of(AuditEventType.ACCESS).detail("hash", "x"));
    assertThrows(IllegalArgumentException.class,
        () -> AuditEvent.of(AuditEventType.ACCESS).detail("ratio", 0.5));
  }

  @Test
  void timestampsHaveSixFractionDigitsAndPaddedFields() {
    assertEquals("2026-01-05T03:04:05.000007Z",
        AuditRecordFormat.timestamp(Instant.parse("2026-01-05T03:04:05.000007999Z")));
    assertEquals("1999-12-31T23:59:59.999999Z",
        AuditRecordFormat.timestamp(Instant.parse("1999-12-31T23:59:59.999999Z")));
    assertEquals("2026-11-22T10:15:32.000000Z",
        AuditRecordFormat.timestamp(Instant.parse("2026-11-22T10:15:32Z")));
  }

  @Test
  void controlCharactersAreEscapedOneWay() {
    StringBuilder out = new StringBuilder();
    CanonicalJson.string(out, "a\u0001b\tc\u00e9\\");
    assertEquals("\"a\\u0001b\\tc\u00e9\\\\\"", out.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

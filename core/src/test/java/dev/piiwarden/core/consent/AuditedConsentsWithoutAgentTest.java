package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.api.PrivacyContext;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the agent, with {@code piiwarden.audit.sink} set: {@code Consents}' ledger records each
 * change in that trail, as the agent does.
 */
class AuditedConsentsWithoutAgentTest {
  private static final List<String> SETTINGS = List.of("piiwarden.consent.store",
      "piiwarden.audit.sink", "piiwarden.audit.key-file");

  @TempDir Path folder;

  @AfterEach
  void clear() {
    SETTINGS.forEach(System::clearProperty);
  }

  @Test
  void eachGrantAndWithdrawalIsAConsentChangedRecordOfTheTrail() throws Exception {
    Path trail = folder.resolve("audit/trail.jsonl");
    Path keyFile = folder.resolve("audit.key");
    System.setProperty("piiwarden.consent.store", "file:" + folder.resolve("consent.jsonl"));
    System.setProperty("piiwarden.audit.sink", "jsonl:" + trail);
    System.setProperty("piiwarden.audit.key-file", keyFile.toString());
    ConfiguredConsentBackend backend = new ConfiguredConsentBackend();

    backend.grant("u-7", "marketing", "signup-form");
    try (PrivacyContext.Scope scope = PrivacyContext.as("u-7").actor("support-agent-7")) {
      backend.withdraw("u-7", "marketing", "settings");
    }

    List<String> lines = Files.readAllLines(trail);
    assertEquals(2, lines.size(), lines::toString);
    ObjectMapper json = new ObjectMapper();
    JsonNode granted = json.readTree(lines.get(0));
    JsonNode withdrawn = json.readTree(lines.get(1));
    String pseudonym = new Pseudonymizer(AuditKey.load(keyFile)).pseudonym("u-7");
    assertEquals("consent.changed", granted.get("type").asText());
    assertEquals(pseudonym, granted.get("subject").asText());
    assertEquals("GRANTED", granted.get("state").asText());
    assertEquals("signup-form", granted.get("source").asText());
    assertEquals("WITHDRAWN", withdrawn.get("state").asText());
    assertEquals("support-agent-7", withdrawn.get("actor").asText());
    assertEquals("[\"marketing\"]", withdrawn.get("purposes").toString());
    assertFalse(String.join("\n", lines).contains("u-7"), "the subject only as a pseudonym");
    List<String> ledger = Files.readAllLines(folder.resolve("consent.jsonl"));
    assertEquals(json.readTree(ledger.get(0)).get("time").asText(), granted.path("recorded").asText(),
        "recorded: the ledger record's time as the store wrote it");
    assertEquals(json.readTree(ledger.get(1)).get("time").asText(), withdrawn.path("recorded").asText());
    VerificationReport report = new AuditVerifier(AuditKey.load(keyFile)).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe());
  }

  @Test
  void aTrailThatCannotBeOpenedChangesNothing() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("file"), "x");
    System.setProperty("piiwarden.audit.sink", "jsonl:" + notAFolder.resolve("trail.jsonl"));
    System.setProperty("piiwarden.audit.key-file", folder.resolve("audit.key").toString());
    ConfiguredConsentBackend backend = new ConfiguredConsentBackend();

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> backend.grant("u-8", "marketing", "signup-form"));
    assertTrue(refused.getMessage().startsWith("piiwarden.audit.sink: "), refused.getMessage());
    assertTrue(refused.getMessage().endsWith("; the consent change was not made"),
        refused.getMessage());
    assertFalse(backend.isGranted("u-8", "marketing"));
    assertEquals(List.of(), backend.history("u-8"));
  }
}

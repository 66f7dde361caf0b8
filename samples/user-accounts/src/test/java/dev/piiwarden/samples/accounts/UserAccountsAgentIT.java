package dev.piiwarden.samples.accounts;

import static dev.piiwarden.samples.accounts.UserAccounts.ANA;
import static dev.piiwarden.samples.accounts.UserAccounts.BEN;
import static dev.piiwarden.samples.accounts.UserAccounts.CHLOE;
import static dev.piiwarden.samples.accounts.UserAccounts.CLIENT_IP;
import static dev.piiwarden.samples.accounts.UserAccounts.PURPOSE;
import static dev.piiwarden.samples.accounts.UserAccounts.consent;
import static dev.piiwarden.samples.accounts.UserAccounts.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import dev.piiwarden.core.redaction.Redactor;
import dev.piiwarden.samples.accounts.RunningService.Reply;
import dev.piiwarden.samples.accounts.UserAccounts.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service under the agent, driven over HTTP through the scenario of the demo; then, once it
 * has stopped, its log file, consent ledger and audit trail.
 */
class UserAccountsAgentIT {
  private static RunningService service;
  private static final Map<Person, String> ids = new HashMap<>();
  private static Reply firstNewsletter;
  private static Reply secondNewsletter;

  @BeforeAll
  static void runScenario() throws Exception {
    service = RunningService.withAgent("with-agent");
    for (Person person : List.of(ANA, BEN, CHLOE)) {
      ids.put(person, register(service, person));
    }
    consent(service, ids.get(ANA), "PUT");
    consent(service, ids.get(BEN), "PUT");
    firstNewsletter = service.call("POST", "/newsletter/send", null);
    consent(service, ids.get(BEN), "DELETE");
    secondNewsletter = service.call("POST", "/newsletter/send", null);
    assertEquals(200, service.call("POST", "/login", ANA.login(ANA.password())).status());
    assertEquals(401, service.call("POST", "/login", BEN.login("not-" + BEN.password())).status());
    assertEquals(409, service.call("POST", "/users", ANA.registration()).status());
    assertEquals(200, service.call("PATCH", "/users/" + ids.get(CHLOE), "{\"phone\":\"+33 6 12 34 56 78\"}").status());
    assertEquals(200, service.call("GET", "/users/" + ids.get(ANA) + "/export", null).status());
    assertEquals(204, service.call("DELETE", "/users/" + ids.get(BEN), null).status());
    service.stop();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void newsletterIsSentOnlyToThoseTheLedgerSaysConsented() {
    assertEquals(2, firstNewsletter.body().get("sent").asInt(), firstNewsletter.body()::toString);
    assertEquals(1, firstNewsletter.body().get("skipped").asInt());
    assertEquals("agent", firstNewsletter.body().get("enforcedBy").asText());
    assertEquals(1, secondNewsletter.body().get("sent").asInt(), secondNewsletter.body()::toString);
    assertEquals(2, secondNewsletter.body().get("skipped").asInt());
  }

  @Test
  void auditTrailVerifiesAndRecordsEachDecisionAsTheLedgerSays() throws Exception {
    Path trail = service.workDir().resolve("piiwarden-audit.jsonl");
    AuditKey key = AuditKey.load(service.workDir().resolve(AuditKey.DEFAULT_FILE_NAME));
    VerificationReport report = new AuditVerifier(key).verify(List.of(trail));
    assertTrue(report.ok(), () -> "audit verify: " + report.finding().map(f -> f.describe()).orElse(""));

    Pseudonymizer pseudonyms = new Pseudonymizer(key);
    List<String> decisions = new ArrayList<>();
    for (String line : Files.readAllLines(trail)) {
      JsonNode event = RunningService.JSON.readTree(line);
      String type = event.get("type").asText();
      if (type.equals("consent.granted") || type.equals("consent.denied")) {
        String who = who(pseudonyms, event.get("subject").asText());
        decisions.add(type + " " + who + (event.has("reason") ? " " + event.get("reason").asText() : ""));
      }
      assertFalse(line.contains(ids.get(ANA)), "the trail holds pseudonyms, never ids: " + line);
    }
    assertEquals(
        List.of(
            "consent.granted ana",
            "consent.granted ben",
            "consent.denied chloe NOT_GRANTED",
            "consent.granted ana",
            "consent.denied ben WITHDRAWN",
            "consent.denied chloe NOT_GRANTED"),
        decisions);
  }

  @Test
  void logFileHoldsNoEmailPhoneIpOrPassword() throws Exception {
    String log = Files.readString(service.workDir().resolve("logs/app.log"));
    assertTrue(log.contains("registered User{"), "the log has the scenario's lines:\n" + log);
    assertTrue(log.contains("[REDACTED:email]"), log);
    for (Person person : List.of(ANA, BEN, CHLOE)) {
      for (String value : List.of(person.email(), person.phone(), person.password(), person.name())) {
        assertFalse(log.contains(value), () -> "a personal value is in the log:\n" + log);
      }
    }
    assertFalse(log.contains(CLIENT_IP), log);
    assertFalse(log.contains("+33 6 12 34 56 78"), log);
    // what detectors would still find: nothing of the kinds the agent redacts in free text
    Redactor scanner = Redactor.withDefaults();
    log.lines().forEach(scanner::redact);
    for (String type : List.of("email", "phone", "ip", "credential")) {
      assertEquals(0, scanner.counts().count(type), () -> type + " left in the log: " + scanner.counts());
    }
  }

  @Test
  void erasureRemovesThePersonAndKeepsOnlyPseudonymousConsentHistory() throws Exception {
    String ledger = Files.readString(service.workDir().resolve("consent.jsonl"));
    assertTrue(ledger.contains(ids.get(BEN)), "the consent history stays, keyed by the random id");
    assertFalse(ledger.contains(BEN.email()), ledger);
    assertFalse(ledger.contains("Okafor"), ledger);
  }

  @Test
  void retentionErasesAccountsInactiveForLongerThanTheirRetention() throws Exception {
    try (RunningService again = RunningService.withAgent("retention")) {
      String id = register(again, ANA);
      Reply notYet = again.call("POST", "/admin/retention/run", "{\"asOf\":\"" + Instant.now().plus(365, ChronoUnit.DAYS) + "\"}");
      assertEquals(0, notYet.body().get("erased").size(), notYet.body()::toString);
      Reply past = again.call("POST", "/admin/retention/run", "{\"asOf\":\"" + Instant.now().plus(800, ChronoUnit.DAYS) + "\"}");
      assertEquals(id, past.body().get("erased").get(0).asText());
      assertEquals(404, again.call("GET", "/users/" + id, null).status());
    }
  }

  private static String who(Pseudonymizer pseudonyms, String subject) {
    for (Map.Entry<Person, String> entry : ids.entrySet()) {
      if (pseudonyms.pseudonym(entry.getValue()).equals(subject)) {
        return entry.getKey().name().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
      }
    }
    return subject;
  }
}

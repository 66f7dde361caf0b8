package dev.piiwarden.samples.accounts;

import static dev.piiwarden.samples.accounts.UserAccounts.ANA;
import static dev.piiwarden.samples.accounts.UserAccounts.BEN;
import static dev.piiwarden.samples.accounts.UserAccounts.CARD;
import static dev.piiwarden.samples.accounts.UserAccounts.CHLOE;
import static dev.piiwarden.samples.accounts.UserAccounts.CLIENT_IP;
import static dev.piiwarden.samples.accounts.UserAccounts.PURPOSE;
import static dev.piiwarden.samples.accounts.UserAccounts.consent;
import static dev.piiwarden.samples.accounts.UserAccounts.phoneCallSource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service under the agent, driven over HTTP through the scenario of the demo; then, once it
 * has stopped, its log file, consent ledger and audit trail.
 */
class UserAccountsAgentIT {
  private static final Pattern PASSWORD_RETENTION =
      Pattern.compile("user\\.authorization\\.password: (not declared|P\\w+)");
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
    assertEquals("phone call from [REDACTED:phone], card [REDACTED:card]",
        consent(service, ids.get(BEN), "PUT", phoneCallSource(BEN)), "the source is recorded redacted");
    firstNewsletter = service.call("POST", "/newsletter/send", null);
    consent(service, ids.get(BEN), "DELETE");
    secondNewsletter = service.call("POST", "/newsletter/send", null);
    assertEquals(200, service.call("POST", "/login", ANA.login(ANA.password())).status());
    assertEquals(401, service.call("POST", "/login", BEN.login("not-" + BEN.password())).status());
    Reply duplicate = service.call("POST", "/users", ANA.registration());
    assertEquals(409, duplicate.status());
    assertEquals("email already registered", duplicate.body().get("error").asText(),
        "the answer repeats no submitted value");
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
      String surname = person.name().substring(person.name().lastIndexOf(' ') + 1);
      assertFalse(log.contains(surname), () -> "a surname is in the log:\n" + log);
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
    assertFalse(ledger.contains(BEN.phone()) || ledger.contains(CARD),
        "the source of Ben's grant (a phone call) keeps neither his number nor his card: " + ledger);
    assertTrue(ledger.contains("phone call from [REDACTED:phone], card [REDACTED:card]"), ledger);
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

  /**
   * Everything PII Warden itself wrote in this run: the agent's output on the console, the log it
   * redacted, the audit trail, the consent ledger, and what the {@code piiwarden} command prints
   * about them. None may hold a person's values; only the ledger (whose job is to record who
   * agreed) and the application's own log lines may hold the random account ids.
   */
  @Test
  void noOutputOfOursHoldsPersonalData() throws Exception {
    Path work = service.workDir();
    Path trail = work.resolve("piiwarden-audit.jsonl");
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("console", Files.readString(work.resolve("console.txt")));
    outputs.put("log", Files.readString(work.resolve("logs/app.log")));
    outputs.put("ledger", Files.readString(work.resolve("consent.jsonl")));
    outputs.put("trail", Files.readString(trail));
    String classes = Path.of("target/classes").toAbsolutePath().toString();
    outputs.put("inventory", piiwarden(0, "inventory", classes, "--format", "json"));
    outputs.put("ropa", piiwarden(0, "ropa", classes, "--format", "md"));
    outputs.put("diagram", piiwarden(0, "diagram", classes, "--format", "mermaid"));
    outputs.put("check", piiwarden(-1, "check", classes, "--format", "text"));
    outputs.put("audit verify", piiwarden(0, "audit", "verify", trail.toString()));
    outputs.put("audit query", piiwarden(0, "audit", "query", trail.toString(), "--subject", ids.get(ANA), "--format", "json"));
    assertTrue(outputs.get("audit query").contains("consent.granted"), outputs.get("audit query"));
    assertTrue(outputs.get("inventory").contains("user.contact.email"), "the inventory lists the sample's data");

    List<String> values = new ArrayList<>(List.of(CLIENT_IP, "+33 6 12 34 56 78"));
    for (Person person : List.of(ANA, BEN, CHLOE)) {
      values.addAll(List.of(person.email(), person.phone(), person.password(), person.name()));
    }
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      String where = output.getKey();
      String text = output.getValue();
      assertFalse(text.isBlank(), where + " is empty");
      for (String value : values) {
        assertFalse(text.contains(value), () -> "a personal value is in the " + where + ":\n" + text);
      }
      if (!where.equals("ledger") && !where.equals("log") && !where.equals("console")) {
        for (String id : ids.values()) {
          assertFalse(text.contains(id), () -> "a raw account id is in the " + where + ":\n" + text);
        }
      }
      Redactor scanner = Redactor.withDefaults();
      for (String line : text.lines().toList()) {
        // The records of processing give the retention of the category user.authorization.password
        // as "user.authorization.password: P2Y": credential-shaped, but it names no secret.
        String scanned = where.equals("ropa") ? PASSWORD_RETENTION.matcher(line).replaceAll("") : line;
        assertEquals(scanned, scanner.redact(scanned), () -> "our detectors find personal data in the " + where);
      }
    }
  }

  /** Runs the {@code piiwarden} command's jar in the work folder; its standard output and error. */
  private static String piiwarden(int expectedExit, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of(System.getProperty("piiwarden.cli.jar")).toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(service.workDir(), "piiwarden-", ".txt");
    Process process = new ProcessBuilder(command)
        .directory(service.workDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "piiwarden " + arguments[0] + " ended");
    String text = Files.readString(out);
    if (expectedExit >= 0) {
      assertEquals(expectedExit, process.exitValue(), () -> "piiwarden " + String.join(" ", arguments) + ":\n" + text);
    }
    return text;
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

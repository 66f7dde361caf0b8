package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.ropa.RopaActivity;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.report.ropa.ThirdParty;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated measures claim only what the agent does with its defaults (audit.access=annotated,
 * redaction.stdout=false, PARTIAL keeps 4 characters), and recipients are categories first.
 */
class RopaMeasuresAndRecipientsTest {
  // Signup (no consent) reads an e-mail (MASK) and a name (PARTIAL), prints them, logs them and stores
  // them; Newsletter requires consent and logs the e-mail.
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false},
         {"id": "com.acme.User#name", "type": "com.acme.User", "member": "name", "kind": "FIELD",
          "category": "user.name", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "PARTIAL", "special": false, "sensitive": false},
         {"id": "com.acme.Contact#mail", "type": "com.acme.Contact", "member": "mail", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "PARTIAL", "special": false, "sensitive": false}],
       "activities": [
         {"id": "com.acme.Signup#register(com.acme.User)", "type": "com.acme.Signup", "method": "register(com.acme.User)",
          "name": "Signup", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email", "com.acme.User#name"], "calls": [],
          "sinks": [
            {"kind": "CONSOLE", "target": "java.io.PrintStream#println", "line": 9, "elements": ["com.acme.User#email"], "confidence": "DIRECT"},
            {"kind": "DATABASE", "target": "java.sql.PreparedStatement#setString", "line": 10, "elements": ["com.acme.User#name"], "confidence": "DIRECT"},
            {"kind": "LOG", "target": "org.slf4j.Logger#info", "line": 11, "elements": ["com.acme.User#name"], "confidence": "DIRECT"}]},
         {"id": "com.acme.Newsletter#send(com.acme.User)", "type": "com.acme.Newsletter", "method": "send(com.acme.User)",
          "name": "Newsletter", "purposes": ["marketing.communications.email"],
          "consent": {"purposes": ["marketing.communications.email"], "onDenied": "THROW"},
          "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#info", "line": 20, "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]},
         {"id": "com.acme.Profile#show(com.acme.User)", "type": "com.acme.Profile", "method": "show(com.acme.User)",
          "name": "Profile", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email", "com.acme.Contact#mail"], "calls": []},
         {"id": "com.acme.AccountController#get(java.lang.String)", "type": "com.acme.AccountController",
          "method": "get(java.lang.String)", "name": "Web API", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [
            {"kind": "HTTP", "target": "org.springframework.web.bind.annotation.RestController#return", "line": 30,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"},
            {"kind": "HTTP", "target": "java.net.http.HttpClient#send", "line": 29,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]},
         {"id": "com.acme.Export#write(com.acme.User)", "type": "com.acme.Export", "method": "write(com.acme.User)",
          "name": "Web export", "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [
            {"kind": "HTTP", "target": "jakarta.servlet.ServletResponse#getWriter", "line": 40,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]}],
       "flows": []}
      """;

  private static final RopaConfig CONFIG = new RopaConfig(null, null, null,
      List.of(new ThirdParty("Mailer Inc.", "e-mail delivery", List.of("Newsletter"))), List.of(), null, List.of());

  private static RopaRecord record() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");
    return RopaBuilder.build(inventory, Taxonomy.builtIn(), CONFIG);
  }

  private static RopaActivity activity(String name) {
    return record().activities().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theAuditTrailIsClaimedOnlyForConsentGatedActivitiesUnconditionally() {
    assertTrue(activity("Newsletter").measures().contains("Audit: consent decisions and accesses are written to a"
        + " tamper-evident (HMAC hash chain) audit trail with pseudonymised (HMAC-SHA256) subject ids"),
        activity("Newsletter").measures().toString());
    List<String> signup = activity("Signup").measures();
    assertTrue(signup.contains("Audit: accesses are written to a tamper-evident (HMAC hash chain) audit trail with"
        + " pseudonymised (HMAC-SHA256) subject ids only when the agent runs with piiwarden.audit.access=all; its"
        + " default (annotated) audits the accesses of @ConsentRequired activities only"), signup.toString());
  }

  @Test
  void partialRedactionIsDescribedAsPartialAndTheConsoleAsOffByDefault() {
    List<String> signup = activity("Signup").measures();
    assertEquals("Redaction: where a log record carries the objects holding it, the PII Warden agent keeps"
        + " user.contact.email out (MASK) and only partly masks user.name (PARTIAL: the last 4 characters stay"
        + " readable); detectors mask e-mails, phone numbers, cards, IBANs, IPs, SSNs and credentials in log text",
        signup.get(0));
    assertTrue(signup.contains("Console output: System.out and System.err are redacted only when the agent runs"
        + " with piiwarden.redaction.stdout=true (off by default); without it this data is printed as it is"),
        signup.toString());
    List<String> newsletter = activity("Newsletter").measures();
    assertFalse(String.join(" ", newsletter).contains("System.out"), newsletter.toString());
    assertFalse(String.join(" ", newsletter).contains("PARTIAL"), newsletter.toString());
  }

  /** A category one of whose elements is PARTIAL is only partly masked, whatever the others do. */
  @Test
  void aCategoryWithAPartialElementIsPartlyMaskedOnly() {
    assertEquals("Redaction: where a log record carries the objects holding it, the PII Warden agent only partly"
        + " masks user.contact.email (PARTIAL: the last 4 characters stay readable); detectors mask e-mails, phone"
        + " numbers, cards, IBANs, IPs, SSNs and credentials in log text", activity("Profile").measures().get(0));
  }

  @Test
  void recipientsAreCategoriesWithTheSinkCallsKeptApart() {
    RopaActivity signup = activity("Signup");
    assertEquals(List.of("Application logs", "Console output (System.out, System.err)", "Databases"),
        signup.recipientCategories());
    assertEquals(List.of("CONSOLE: java.io.PrintStream#println", "DATABASE: java.sql.PreparedStatement#setString",
        "LOG: org.slf4j.Logger#info"), signup.sinks());
    // The JSON field keeps its meaning: the sink calls, then the configured third parties.
    assertEquals(signup.sinks(), signup.recipients());
    RopaActivity newsletter = activity("Newsletter");
    assertEquals(List.of("Application logs", "Mailer Inc.: e-mail delivery"), newsletter.recipientCategories());
    assertEquals(List.of("LOG: org.slf4j.Logger#info", "Mailer Inc.: e-mail delivery"), newsletter.recipients());
  }

  /** What a web handler returns goes to the application's own API clients, not to a service it calls. */
  @Test
  void aHandlersReturnIsARecipientOfItsOwnBesideTheServicesCalled() {
    assertEquals(List.of("Services called over HTTP", "Clients of the application's HTTP API (responses)"),
        activity("Web API").recipientCategories());
    assertEquals(List.of("Clients of the application's HTTP API (responses)"),
        activity("Web export").recipientCategories());
  }

  @Test
  void everyFormatShowsTheCategoriesAsRecipientsAndJsonAddsFields() throws Exception {
    String md = RopaFormat.MD.render(record(), CONFIG);
    assertTrue(md.contains("| Recipients | Application logs<br>Console output (System.out, System.err)<br>Databases |"),
        md);
    assertTrue(md.contains("| Sink calls in the code | CONSOLE: java.io.PrintStream#println<br>"), md);
    JsonNode json = new ObjectMapper().readTree(RopaFormat.JSON.render(record(), CONFIG));
    JsonNode signup = json.get("activities").get(2);
    assertEquals("Signup", signup.get("name").asText());
    assertEquals("Databases", signup.get("recipientCategories").get(2).asText());
    assertEquals("CONSOLE: java.io.PrintStream#println", signup.get("sinks").get(0).asText());
    assertEquals("CONSOLE: java.io.PrintStream#println", signup.get("recipients").get(0).asText());
    String csv = RopaFormat.CSV.render(record(), CONFIG);
    assertFalse(csv.contains("java.sql.PreparedStatement"), csv);
    assertTrue(csv.contains(",\"Application logs; Console output (System.out, System.err); Databases\","), csv);
  }
}

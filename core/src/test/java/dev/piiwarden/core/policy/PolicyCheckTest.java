package dev.piiwarden.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.report.ReportFixtures;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Policy rules on the fixture inventory: hierarchy, ANY/ALL/NONE, each rule type, bad policies. */
class PolicyCheckTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final Inventory INVENTORY = ReportFixtures.inventory();
  private static final Inventory CUSTOMERS = ReportFixtures.read("/dev/piiwarden/core/report/ropa-customers-inventory.json");

  private static Policy policy(String json) {
    try {
      return PolicyReader.read(new ObjectMapper().readTree(json), "policy.json", TAXONOMY);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Inventory inventory(String json, String origin) {
    return dev.piiwarden.core.inventory.InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), origin);
  }

  private static List<String> about(String rulesJson) {
    return PolicyCheck.run(policy("{\"rules\":[" + rulesJson + "]}"), INVENTORY, TAXONOMY).stream()
        .map(f -> f.location() + " " + f.about()).toList();
  }

  @Test
  void defaultPolicyFailsACardNumberInALog() {
    List<Finding> findings = PolicyCheck.run(DefaultPolicy.load(TAXONOMY), INVENTORY, TAXONOMY);
    Finding card = findings.stream().filter(f -> f.location().equals("com/acme/Checkout.java:27")).findFirst().orElseThrow();
    assertEquals(Level.ERROR, card.rule().level());
    assertTrue(card.message().startsWith("user.financial.credit_card (com.acme.Payment#cardNumber) reaches LOG"), card.message());
  }

  @Test
  void dataElementsDeclaredElsewhereGiveTheirCategoriesButAreNotCheckedThemselves() {
    // The activities of a module whose entities are declared in another module (its dependency).
    Inventory service = new Inventory(List.of(), INVENTORY.activities(), INVENTORY.flows());
    Policy logsAndRetention = policy("{\"rules\":[{\"id\":\"logs\",\"type\":\"deny-sink\","
        + "\"categories\":[\"user.financial\"],\"sinks\":[\"LOG\"]},"
        + "{\"id\":\"retention\",\"type\":\"require-retention\",\"categories\":[\"user\"]}]}");

    assertEquals(List.of(), PolicyCheck.run(logsAndRetention, service, TAXONOMY), "no category known, no finding");
    List<String> found = PolicyCheck.run(logsAndRetention, service, INVENTORY.dataElements(), TAXONOMY).stream()
        .map(f -> f.rule().id() + " " + f.location()).toList();
    assertEquals(List.of("logs com/acme/AuditLog.java", "logs com/acme/Checkout.java:27"), found);
  }

  @Test
  void aParentKeyCoversItsChildren() {
    assertEquals(
        List.of("com/acme/AuditLog.java com.acme.AuditLog#write(java.lang.String)",
            "com/acme/Checkout.java:27 com.acme.Checkout#pay(com.acme.Payment)"),
        about("{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":{\"matches\":\"ANY\",\"values\":[\"user.financial\"]},\"sinks\":[\"LOG\"]}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // ALL: the sink call must carry every listed category
    "ALL|\"user.financial\",\"user.name\"|0",
    "ALL|\"user.financial\"|2",
    // NONE: sink calls carrying none of the values
    "NONE|\"user.financial\"|0",
    "NONE|\"user.contact\"|2",
    "ANY|\"user.contact\",\"user.financial\"|2"})
  void matchesAnyAllNone(String matches, String values, int count) {
    assertEquals(count, about("{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":{\"matches\":\"" + matches
        + "\",\"values\":[" + values + "]},\"sinks\":[\"LOG\"]}").size());
  }

  // Newsletter (marketing) and Billing (essential) both read the email and hand it to Mailer#log, a
  // helper that is no activity and logs it on line 12.
  private static final String HELPER_FLOWS = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false,
          "source": {"file": "com/acme/User.java", "line": 5}},
         {"id": "com.acme.User#name", "type": "com.acme.User", "member": "name", "kind": "FIELD",
          "category": "user.name", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false,
          "source": {"file": "com/acme/User.java", "line": 6}}],
       "activities": [
         {"id": "com.acme.Newsletter#send(com.acme.User)", "type": "com.acme.Newsletter", "method": "send(com.acme.User)",
          "name": "Newsletter", "purposes": ["marketing.communications.email"], "reads": ["com.acme.User#email"],
          "calls": ["com.acme.Mailer#log(java.lang.String)"]},
         {"id": "com.acme.Billing#bill(com.acme.User)", "type": "com.acme.Billing", "method": "bill(com.acme.User)",
          "name": "Billing", "purposes": ["essential.service"], "reads": ["com.acme.User#name"],
          "calls": ["com.acme.Mailer#log(java.lang.String)"]}],
       "flows": [
         {"element": "com.acme.User#email", "sink": "LOG", "target": "org.slf4j.Logger#info",
          "path": ["com.acme.Newsletter#send(com.acme.User)", "com.acme.Mailer#log(java.lang.String)"]},
         {"element": "com.acme.User#name", "sink": "LOG", "target": "org.slf4j.Logger#info",
          "path": ["com.acme.Billing#bill(com.acme.User)", "com.acme.Mailer#log(java.lang.String)"]}],
       "summaries": [
         {"method": "com.acme.Mailer#log(java.lang.String)",
          "sinks": [{"parameter": 0, "kind": "LOG", "target": "org.slf4j.Logger#info", "line": 12}]}]}
      """;

  @Test
  void aFlowThroughAHelperHasThePurposesOfItsFirstMethodAndTheSinkLine() {
    Inventory inventory = inventory(HELPER_FLOWS, "helper.json");
    Policy marketingLogs = policy("{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user\"],"
        + "\"purposes\":[\"marketing\"],\"sinks\":[\"LOG\"]}]}");
    List<Finding> findings = PolicyCheck.run(marketingLogs, inventory, TAXONOMY);

    assertEquals(1, findings.size(), findings.toString());
    Finding finding = findings.get(0);
    assertEquals("com/acme/Mailer.java:12", finding.location());
    assertEquals("user.contact.email (com.acme.User#email) reaches LOG through org.slf4j.Logger#info in"
        + " com.acme.Mailer#log(java.lang.String), read in com.acme.Newsletter#send(com.acme.User): r", finding.message());
  }

  // Main#main passes a User to Newsletter#send, which prints it: the activity's own sink call, and a flow
  // from Main through it to the same call.
  private static final String CALLER_FLOW = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false,
          "source": {"file": "com/acme/User.java", "line": 5}}],
       "activities": [
         {"id": "com.acme.Newsletter#send(com.acme.User)", "type": "com.acme.Newsletter", "method": "send(com.acme.User)",
          "purposes": ["marketing.communications.email"], "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [{"kind": "CONSOLE", "target": "java.io.PrintStream#println", "line": 8,
            "elements": ["com.acme.User#email"], "confidence": "VIA_CALL"}]}],
       "flows": [
         {"element": "com.acme.User#email", "sink": "CONSOLE", "target": "java.io.PrintStream#println",
          "path": ["com.acme.Main#main(java.lang.String[])", "com.acme.Newsletter#send(com.acme.User)"]},
         {"element": "com.acme.User#email", "sink": "CONSOLE", "target": "java.io.PrintStream#println",
          "path": ["com.acme.Newsletter#send(com.acme.User)"]}]}
      """;

  @Test
  void aSinkCallReachedFromACallerTooIsOneFinding() {
    Inventory inventory = inventory(CALLER_FLOW, "caller.json");
    Policy console = policy("{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user\"],"
        + "\"sinks\":[\"CONSOLE\"]}]}");
    List<Finding> findings = PolicyCheck.run(console, inventory, TAXONOMY);

    assertEquals(1, findings.size(), findings.toString());
    assertEquals("com/acme/Newsletter.java:8", findings.get(0).location());
    assertEquals("user.contact.email (com.acme.User#email) reaches CONSOLE through java.io.PrintStream#println in"
        + " com.acme.Newsletter#send(com.acme.User): r", findings.get(0).message());
  }

  @Test
  void aMethodCalledFromTwoActivitiesIsOneFindingNamingBoth() {
    Inventory inventory = inventory(HELPER_FLOWS, "calls.json");
    Policy logs = policy("{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user\"],"
        + "\"sinks\":[\"LOG\"]}]}");
    List<Finding> findings = PolicyCheck.run(logs, inventory, TAXONOMY);

    assertEquals(1, findings.size(), findings.toString());
    assertEquals("com/acme/Mailer.java:12", findings.get(0).location());
    assertEquals("user.contact.email (com.acme.User#email), user.name (com.acme.User#name) reaches LOG through"
        + " org.slf4j.Logger#info in com.acme.Mailer#log(java.lang.String), read in com.acme.Billing#bill(com.acme.User),"
        + " com.acme.Newsletter#send(com.acme.User): r", findings.get(0).message());
  }

  @Test
  void theTextSummaryCountsInTheSingularForOne() {
    Policy one = policy("{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user.financial\"],"
        + "\"sinks\":[\"HTTP\"]}]}");
    String none = FindingsFormat.TEXT.render(one, List.of(), "", "test");
    assertEquals("No findings (policy policy.json: 1 rule): 0 errors, 0 warnings, 0 notes\n", none);
    Finding finding = new Finding(one.rules().get(0), "m", "A.java", 3, "a");
    assertTrue(FindingsFormat.TEXT.render(one, List.of(finding), "", "test")
        .endsWith("\n1 finding (policy policy.json: 1 rule): 1 error, 0 warnings, 0 notes\n"));
    assertEquals("1 error, 0 warnings, 0 notes", FindingsFormat.levelCounts(List.of(finding)));
  }

  @Test
  void denyPurposeSeesElementsAndActivities() {
    assertEquals(
        List.of("com/acme/Newsletter.java:40 com.acme.Newsletter#send(com.acme.User)",
            "com/acme/Promo.java com.acme.Promo#target(com.acme.User)",
            "com/acme/User.java:12 com.acme.User#email"),
        about("{\"id\":\"r\",\"type\":\"deny-purpose\",\"categories\":[\"user.contact\"],\"purposes\":[\"marketing\"]}"));
  }

  /** The finding names the categories the rule is about, not every category the activity reads. */
  @Test
  void denyPurposeNamesTheMatchingCategoriesOfAnActivity() {
    List<String> messages = PolicyCheck.run(policy("{\"rules\":[{\"id\":\"r\",\"type\":\"deny-purpose\","
        + "\"description\":\"d\",\"categories\":[\"user.contact.phone_number\"],\"purposes\":[\"essential\"]}]}"),
        CUSTOMERS, TAXONOMY).stream().map(Finding::message).toList();
    assertTrue(messages.contains("com.acme.CustomerService#update(java.lang.String) acts for essential.service and reads"
        + " user.contact.phone_number: d"), messages.toString());
  }

  /**
   * The built-in policy warns of an activity that declares no purposes yet reads data collected on
   * consent for marketing, as its record shows; an activity that declares its purposes is not named.
   */
  @Test
  void defaultPolicyWarnsOfUndeclaredPurposesOverConsentedMarketingData() {
    List<Finding> findings = PolicyCheck.run(DefaultPolicy.load(TAXONOMY), CUSTOMERS, TAXONOMY).stream()
        .filter(f -> f.rule().type() == RuleType.REQUIRE_PURPOSE).toList();
    assertEquals(1, findings.size(), findings.toString());
    Finding finding = findings.get(0);
    assertEquals(Level.WARNING, finding.rule().level());
    assertEquals("PWP005-undeclared-purpose", finding.rule().id());
    assertEquals("com/acme/LegacyExport.java:14", finding.location());
    assertEquals("com.acme.LegacyExport#writeString(java.nio.file.Path,com.acme.Customer) declares no purposes and reads"
        + " user.contact.phone_number (com.acme.Customer#phone), collected for marketing.communications.email under"
        + " CONSENT: " + finding.rule().description(), finding.message());
    assertEquals(List.of(), PolicyCheck.run(DefaultPolicy.load(TAXONOMY), INVENTORY, TAXONOMY).stream()
        .filter(f -> f.rule().type() == RuleType.REQUIRE_PURPOSE).toList());
  }

  @Test
  void requirePurposeCriteriaAndBases() {
    assertEquals(List.of("com/acme/LegacyExport.java:14 com.acme.LegacyExport#writeString(java.nio.file.Path,com.acme.Customer)"),
        PolicyCheck.run(policy("{\"rules\":[{\"id\":\"r\",\"type\":\"require-purpose\",\"categories\":[\"user.contact\"]}]}"),
            CUSTOMERS, TAXONOMY).stream().map(f -> f.location() + " " + f.about()).toList());
    assertEquals(List.of(), PolicyCheck.run(policy("{\"rules\":[{\"id\":\"r\",\"type\":\"require-purpose\","
        + "\"categories\":[\"user\"],\"bases\":[\"CONTRACT\"]}]}"), CUSTOMERS, TAXONOMY));
  }

  // Lead#campaign acts for marketing without consent and calls no sink; Lead#note logs the card, but
  // its sink line is not known (an inventory written by another tool).
  private static final String LOCATED_ACTIVITIES = """
      {"schema": "piiwarden-inventory/1", "flows": [],
       "dataElements": [
         {"id": "com.acme.Lead#card", "type": "com.acme.Lead", "member": "card", "kind": "FIELD",
          "category": "user.financial.credit_card", "purposes": ["marketing"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": true,
          "source": {"file": "com/acme/Lead.java", "line": 6}}],
       "activities": [
         {"id": "com.acme.Lead#campaign()", "type": "com.acme.Lead", "method": "campaign()",
          "name": "Lead capture", "purposes": ["marketing.communications.email"], "reads": [],
          "source": {"file": "com/acme/Lead.java", "line": 10}},
         {"id": "com.acme.Lead#note()", "type": "com.acme.Lead", "method": "note()",
          "purposes": ["essential.service"], "reads": ["com.acme.Lead#card"],
          "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#info", "line": 0,
            "elements": ["com.acme.Lead#card"], "confidence": "DIRECT"}],
          "source": {"file": "com/acme/Lead.java", "line": 14}}]}
      """;

  @Test
  void activityFindingsAreOnTheMethodsDeclarationInTextAndSarif() throws java.io.IOException {
    Inventory inventory = inventory(LOCATED_ACTIVITIES, "lead.json");
    Policy policy = DefaultPolicy.load(TAXONOMY);
    List<Finding> findings = PolicyCheck.run(policy, inventory, TAXONOMY);
    assertEquals(List.of(
            "com/acme/Lead.java:10 PWP003-marketing-consent com.acme.Lead#campaign()",
            "com/acme/Lead.java:14 PWP001-sensitive-data-to-log com.acme.Lead#note()"),
        findings.stream().filter(f -> !f.about().equals("com.acme.Lead#card"))
            .map(f -> f.location() + " " + f.rule().id() + " " + f.about()).toList());
    assertTrue(FindingsFormat.TEXT.render(policy, findings, "src", "test")
        .contains("src/com/acme/Lead.java:10: error: com.acme.Lead#campaign() acts for"), "text names the line");
    var results = new ObjectMapper().readTree(SarifLog.render(policy, findings, "src", "test"))
        .get("runs").get(0).get("results");
    assertEquals(findings.size(), results.size());
    for (var result : results) {
      assertTrue(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt() > 0,
          result.toString());
    }
  }

  @Test
  void requireConsentWithAWildcard() {
    assertEquals(List.of("com/acme/Promo.java com.acme.Promo#target(com.acme.User)"),
        about("{\"id\":\"r\",\"type\":\"require-consent\",\"purposes\":{\"matches\":\"ANY\",\"values\":[\"marketing.*\"]}}"));
  }

  @Test
  void requireRetentionAndBasis() {
    assertEquals(List.of("com/acme/Payment.java:7 com.acme.Payment#cardNumber", "com/acme/User.java:14 com.acme.User#name"),
        about("{\"id\":\"r\",\"type\":\"require-retention\",\"categories\":[\"user\"]}"));
    assertEquals(List.of("com/acme/Patient.java:9 com.acme.Patient#diagnosis", "com/acme/Payment.java:7 com.acme.Payment#cardNumber"),
        about("{\"id\":\"r\",\"type\":\"require-basis\",\"categories\":[\"@sensitive\"],\"bases\":[\"CONSENT\",\"LEGAL_OBLIGATION\"]}"));
  }

  @Test
  void criteriaAreHierarchical() {
    KeyCriterion marketing = new KeyCriterion(TaxonomyKind.PURPOSE, Match.ANY, List.of("marketing"));
    assertTrue(marketing.test(TAXONOMY, List.of("marketing.communications.email")));
    KeyCriterion none = new KeyCriterion(TaxonomyKind.PURPOSE, Match.NONE, List.of("marketing"));
    assertTrue(!none.test(TAXONOMY, List.of("essential.service", "marketing.advertising")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categores\":[\"user\"],\"sinks\":[\"LOG\"]}]}|policy.json: rules[0]: unknown field 'categores'; did you mean 'categories'?",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user.finacial\"],\"sinks\":[\"LOG\"]}]}|policy.json: rules[0]: categories[0] 'user.finacial' is not a category of the taxonomy; did you mean 'user.financial'?; use a key of the taxonomy, or pass the taxonomy extension that defines it, @special or @sensitive",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-snk\",\"categories\":[\"user\"]}]}|policy.json: rules[0]: type is unknown; did you mean 'deny-sink'?",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user\"],\"sinks\":[\"LOGS\"]}]}|policy.json: rules[0]: sinks[0] is unknown; did you mean 'LOG'?",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":[\"user\"]}]}|policy.json: rules[0]: a deny-sink rule needs 'sinks'; add it",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"categories\":{\"values\":[\"user\",\"bob@example.com\"]},\"sinks\":[\"LOG\"]}]}|policy.json: rules[0]: categories.values[1] is not a category of the taxonomy;",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"require-basis\",\"categories\":[\"user\"],\"bases\":\"bob@example.com\"}]}|policy.json: rules[0]: bases is unknown; pass one of UNSPECIFIED,",
    "{\"rules\":[{\"id\":\"r\",\"type\":\"deny-sink\",\"level\":\"bob@example.com\",\"categories\":[\"user\"],\"sinks\":[\"LOG\"]}]}|policy.json: rules[0]: level is unknown; pass one of error, warning, note",
    "{\"rules\":[{\"id\":\"bob@example.com\",\"type\":\"require-retention\",\"categories\":[\"user\"]},{\"id\":\"bob@example.com\",\"type\":\"require-retention\",\"categories\":[\"user\"]}]}|policy.json: rules[1]: its id is the id of rules[0] too; give each rule its own id",
    "{\"rules\":[]}|policy.json: no rules;"})
  void badPoliciesAreOneLineWithTheFix(String json, String start) {
    ConfigException e = assertThrows(ConfigException.class, () -> policy(json));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertFalse(e.getMessage().contains("bob"), "no input quoted: " + e.getMessage());
  }
}

package dev.piiwarden.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring of ropa, diagram, diff and check: exit codes, formats, bad input in one line. */
class ReportCommandsTest {
  @TempDir Path dir;
  private String base;
  private String next;

  @BeforeEach
  void inventories() throws IOException {
    base = copy("fixture-inventory.json");
    next = copy("fixture-inventory-next.json");
  }

  private String copy(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file.toString();
    }
  }

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  @Test
  void defaultPolicyFailsTheCardNumberInALog() {
    CliResult result = CliRun.run("check", base);
    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().contains("com/acme/Checkout.java:27: error: user.financial.credit_card"), result.out());
  }

  @Test
  void yamlPolicyWithoutViolationsPasses() throws IOException {
    String policy = write("policy.yaml", """
        rules:
          - id: no-health-to-http
            type: deny-sink
            categories: {matches: ANY, values: [user.health_and_medical]}
            sinks: [HTTP]
        """);
    CliResult result = CliRun.run("check", "--policy", policy, "--format", "sarif", base);
    assertEquals(0, result.exitCode(), result.describe());
    assertTrue(result.out().contains("\"version\" : \"2.1.0\""), result.out());
  }

  @Test
  void badPoliciesAreOneLineExitTwo() throws IOException {
    String unknownField = write("a.yaml", "rules:\n  - id: r\n    type: deny-sink\n    categorys: [user]\n    sinks: [LOG]\n");
    String malformed = write("b.yaml", "rules: [\n  - id: r\n");
    String notJson = write("c.json", "{\"rules\": ");
    for (String file : new String[] {unknownField, malformed, notJson, dir.resolve("missing.json").toString()}) {
      CliResult result = CliRun.run("check", "--policy", file, base);
      assertEquals(2, result.exitCode(), result.describe());
      assertEquals(1, result.errLines().size(), result.describe());
      assertTrue(result.err().startsWith("piiwarden: --policy "), result.err());
    }
    assertTrue(CliRun.run("check", "--policy", unknownField, base).err().contains("did you mean 'categories'?"));
  }

  @Test
  void aMissingPolicyOrConfigIsSaidToBeMissing() {
    String missing = dir.resolve("missing.yaml").toString();

    CliResult check = CliRun.run("check", "--policy", missing, base);
    CliResult ropa = CliRun.run("ropa", "--config", missing, base);

    assertEquals(List.of("piiwarden: --policy " + missing + ": cannot be read (no such file); pass a JSON or"
        + " YAML file that exists"), check.errLines());
    assertEquals(List.of("piiwarden: --config " + missing + ": cannot be read (no such file); pass a JSON or"
        + " YAML file that exists"), ropa.errLines());
    assertEquals(2, check.exitCode());
    assertEquals(2, ropa.exitCode());
  }

  @Test
  void diffFailsOnlyOnTheListedKinds() {
    assertEquals(0, CliRun.run("diff", base, next).exitCode());
    assertEquals(1, CliRun.run("diff", base, next, "--fail-on", "flows").exitCode());
    assertEquals(0, CliRun.run("diff", base, base, "--fail-on", "any").exitCode());
    CliResult json = CliRun.run("diff", base, next, "--format", "json");
    assertTrue(json.out().contains("\"schema\" : \"piiwarden-diff/1\""), json.out());
    CliResult bad = CliRun.run("diff", base, next, "--fail-on", "flow,element,colours");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertEquals(1, bad.errLines().size(), bad.describe());
  }

  /** A new method logging an element that another method already logs through the same call is a new flow. */
  @Test
  void diffFailsOnANewMethodSendingDataWhereAnotherAlreadyDoes() throws IOException {
    String before = write("before.json", logging("A"));
    String after = write("after.json", logging("A", "B"));
    CliResult result = CliRun.run("diff", before, after, "--fail-on", "flows");
    assertEquals(1, result.exitCode(), result.describe());
    assertTrue(result.out().contains("FLOWS: 1 added, 0 removed, 0 changed\n+ com.acme.User#email -> LOG"
        + " org.slf4j.Logger#info (read in com.acme.B#run(com.acme.User))\n"), result.out());
    assertEquals(0, CliRun.run("diff", after, after, "--fail-on", "flows").exitCode());
  }

  /** An inventory where each of {@code classes} has a method {@code run(User)} that logs the user's e-mail address. */
  private static String logging(String... classes) {
    List<String> activities = new ArrayList<>();
    List<String> flows = new ArrayList<>();
    for (int i = 0; i < classes.length; i++) {
      String method = "com.acme." + classes[i] + "#run(com.acme.User)";
      activities.add("""
          {"id": "%s", "type": "com.acme.%s", "method": "run(com.acme.User)", "purposes": [],
           "reads": ["com.acme.User#email"], "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#info",
           "line": %d, "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]}""".formatted(method, classes[i], 10 + i));
      flows.add("""
          {"element": "com.acme.User#email", "sink": "LOG", "target": "org.slf4j.Logger#info", "path": ["%s"]}"""
          .formatted(method));
    }
    return """
        {"schema": "piiwarden-inventory/1",
         "dataElements": [{"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
           "category": "user.contact.email", "purposes": [], "subject": "customer", "basis": "CONTRACT",
           "retention": "P2Y", "redaction": "MASK", "special": false, "sensitive": false,
           "source": {"file": "com/acme/User.java", "line": 5}}],
         "activities": [%s],
         "flows": [%s]}
        """.formatted(String.join(", ", activities), String.join(", ", flows));
  }

  /** A hand-edited inventory with a category the taxonomy lacks: a warning naming element and key, exit unchanged. */
  @Test
  void anUnknownCategoryInAnInventoryFileIsAWarning() throws IOException {
    String edited = write("edited.json", logging("A").replace("\"user.contact.email\"", "\"user.contact.emial\""));
    String warning = "piiwarden: warning: data element com.acme.User#email: category 'user.contact.emial' is not"
        + " in the taxonomy; did you mean 'user.contact.email'? Policy rules on its parent keys do not apply to it;"
        + " correct the key, or pass the taxonomy extension that defines it with --taxonomy\n";
    CliResult inventory = CliRun.run("inventory", edited);
    assertEquals(0, inventory.exitCode(), inventory.describe());
    assertEquals(warning, inventory.err());
    CliResult check = CliRun.run("check", edited);
    assertEquals(0, check.exitCode(), check.describe());
    assertEquals(warning, check.err());
    String extension = write("taxonomy.json",
        "{\"categories\": [{\"key\": \"user.contact.emial\", \"name\": \"Typo\", \"parent\": \"user.contact\"}]}");
    assertEquals("", CliRun.run("inventory", "--taxonomy", extension, edited).err());
    // A value that is no key at all is not repeated.
    String garbage = write("garbage.json", logging("A").replace("\"user.contact.email\"", "\"jane@example.com\""));
    CliResult result = CliRun.run("inventory", garbage);
    assertEquals(0, result.exitCode(), result.describe());
    assertFalse(result.err().contains("jane"), result.err());
    assertTrue(result.err().contains("com.acme.User#email: category is not a taxonomy key"), result.err());
  }

  @Test
  void ropaAndDiagramFormats() throws IOException {
    String config = write("ropa.yaml", "controller: {name: Acme GmbH, contact: privacy@acme.example}\n");
    CliResult html = CliRun.run("ropa", "--format", "html", "--config", config, "--controller", "Acme SE", base);
    assertEquals(0, html.exitCode(), html.describe());
    assertTrue(html.out().contains("<dt>Controller</dt><dd>Acme SE, privacy@acme.example</dd>"), html.out());
    CliResult csv = CliRun.run("ropa", "--format", "csv", base);
    assertTrue(csv.out().startsWith("Processing Activity,Activity Id,Purpose of Processing"), csv.out());
    CliResult dot = CliRun.run("diagram", "--format", "dot", base);
    assertTrue(dot.out().startsWith("digraph piiwarden {"), dot.out());
    CliResult full = CliRun.run("diagram", "--format", "dot", "--detail", "full", base);
    assertEquals(0, full.exitCode(), full.describe());
    CliResult badDetail = CliRun.run("diagram", "--detail", "all", base);
    assertEquals(2, badDetail.exitCode(), badDetail.describe());
    assertTrue(badDetail.err().contains("summary, full"), badDetail.err());
    String badConfig = write("bad.yaml", "controler: Acme\n");
    CliResult bad = CliRun.run("ropa", "--config", badConfig, base);
    assertEquals(2, bad.exitCode(), bad.describe());
    assertTrue(bad.err().contains("unknown field 'controler'; did you mean 'controller'?"), bad.err());
  }

  @Test
  void ropaWarnsOfAnActivityReadingDataDeclaredElsewhere() throws IOException {
    String module = write("billing.json", """
        {"schema": "piiwarden-inventory/1", "dataElements": [], "flows": [],
         "activities": [{"id": "com.acme.billing.Payout#pay(com.acme.model.Account)", "type": "com.acme.billing.Payout",
           "method": "pay(com.acme.model.Account)", "name": "Payout", "purposes": ["essential.service"],
           "reads": ["com.acme.model.Account#iban", "com.acme.model.Account#owner"]}]}
        """);
    CliResult result = CliRun.run("ropa", module);
    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("piiwarden: warning: activity Payout reads 2 data elements not in this inventory, so its record"
        + " leaves them out; pass the classes of the modules or jars that declare them too, or, when they are"
        + " among the inputs, build them again from clean (a fragment compiled before an annotation was removed"
        + " is stale)\n", result.err());
    String one = write("refund.json", """
        {"schema": "piiwarden-inventory/1", "dataElements": [], "flows": [],
         "activities": [{"id": "com.acme.billing.Refund#pay(com.acme.model.Account)", "type": "com.acme.billing.Refund",
           "method": "pay(com.acme.model.Account)", "name": "Refund", "purposes": ["essential.service"],
           "reads": ["com.acme.model.Account#iban"]}]}
        """);
    assertEquals("piiwarden: warning: activity Refund reads 1 data element not in this inventory, so its record"
        + " leaves it out; pass the classes of the modules or jars that declare it too, or, when they are among"
        + " the inputs, build them again from clean (a fragment compiled before an annotation was removed is"
        + " stale)\n", CliRun.run("ropa", one).err());
  }

  @Test
  void checkWarnsOfAReadOfDataNotInTheInputsAndFindsItWithTheDeclaringInput() throws IOException {
    String service = write("service.json", """
        {"schema": "piiwarden-inventory/1", "dataElements": [], "flows": [],
         "activities": [{"id": "com.shop.service.Billing#charge(com.shop.domain.Customer)",
           "type": "com.shop.service.Billing", "method": "charge(com.shop.domain.Customer)", "purposes": [],
           "reads": ["com.shop.domain.Customer#cardNumber"],
           "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#debug", "line": 28,
             "elements": ["com.shop.domain.Customer#cardNumber"], "confidence": "DIRECT"}]}]}
        """);
    String domain = write("domain.json", """
        {"schema": "piiwarden-inventory/1", "activities": [], "flows": [], "dataElements": [
          {"id": "com.shop.domain.Customer#cardNumber", "type": "com.shop.domain.Customer", "member": "cardNumber",
           "kind": "FIELD", "category": "user.financial.credit_card", "purposes": ["essential.service"],
           "subject": "customer", "basis": "CONTRACT", "retention": "P1Y", "redaction": "PARTIAL",
           "special": false, "sensitive": true, "source": {"file": "com/shop/domain/Customer.java", "line": 9}}]}
        """);

    CliResult alone = CliRun.run("check", service);
    assertEquals(0, alone.exitCode(), alone.describe());
    assertEquals("piiwarden: warning: activity Billing.charge reads 1 data element not in the inputs, so no policy"
        + " rule sees it; pass the classes of the modules or jars that declare it too, or, when they are among"
        + " the inputs, build them again from clean (a fragment compiled before an annotation was removed is"
        + " stale)\n", alone.err());

    CliResult withDomain = CliRun.run("check", service, domain);
    assertEquals(1, withDomain.exitCode(), withDomain.describe());
    assertEquals("", withDomain.err());
    assertTrue(withDomain.out().startsWith("com/shop/service/Billing.java:28: error: user.financial.credit_card"
        + " (com.shop.domain.Customer#cardNumber) reaches LOG"), withDomain.out());
  }

  /** A recipient or transfer naming no activity would be left out of the record: exit 2 instead. */
  @Test
  void ropaRefusesAConfigNamingAnActivityTheInventoryLacks() throws IOException {
    String config = write("ropa.yaml", """
        recipients: [{name: Mailer Inc., activities: [Newsletter]}, {name: M, activities: [Nwsletter]}]
        """);
    CliResult result = CliRun.run("ropa", "--config", config, base);
    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("piiwarden: --config " + config + ": recipients[1].activities[0] is no activity of the"
        + " inventory; did you mean 'Newsletter'?; name an activity as the record shows it (its"
        + " @ProcessingActivity name, else Type.method) or by its id\n", result.err());
    assertEquals("", result.out());

    String transfer = write("transfer.yaml", "transfers: [{country: US, activities: [Newsletter, Chekout]}]\n");
    CliResult refused = CliRun.run("ropa", "--config", transfer, base);
    assertEquals(2, refused.exitCode(), refused.describe());
    assertTrue(refused.err().startsWith("piiwarden: --config " + transfer + ": transfers[0].activities[1] is no"
        + " activity of the inventory; did you mean 'Checkout'?"), refused.err());
  }

  /** The fixture inventory, edited by hand as {@code edit} says, written to {@code name}. */
  private String edited(String name, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of(base)));
    edit.accept(tree);
    return write(name, tree.toString());
  }

  /**
   * A damaged inventory must never turn a failing check into a pass: without its data elements (the
   * fixture logs a card number) it is refused, not read as an inventory that declares none.
   */
  @Test
  void anInventoryWithoutItsDataElementsIsRefusedNotReadAsEmpty() throws IOException {
    String missing = edited("noelements.json", tree -> tree.remove("dataElements"));
    String nulled = edited("nullelements.json", tree -> tree.putNull("dataElements"));
    for (String command : List.of("check", "inventory", "ropa", "diagram")) {
      CliResult result = CliRun.run(command, missing);
      assertEquals(2, result.exitCode(), result.describe());
      assertEquals("", result.out());
      assertEquals("piiwarden: " + missing + ": \"dataElements\" is missing at the top level, expected a list ([] when"
          + " there are none); regenerate it by recompiling\n", result.err());
    }
    CliResult result = CliRun.run("check", nulled);
    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("", result.out());
    assertEquals("piiwarden: " + nulled + ": bad value at dataElements, expected a list ([] when there are none);"
        + " regenerate it by recompiling\n", result.err());
    CliResult noFlows = CliRun.run("check", edited("noflows.json", tree -> tree.remove("flows")));
    assertEquals(2, noFlows.exitCode(), noFlows.describe());
    assertTrue(noFlows.err().endsWith("noflows.json: \"flows\" is missing at the top level, expected a list ([] when"
        + " there are none); regenerate it by recompiling\n"), noFlows.err());
  }

  /** A retention the processor would refuse is not printed as the time limit for erasure. */
  @Test
  void aRetentionThatIsNotIso8601IsRefused() throws IOException {
    String forever = edited("forever.json",
        tree -> ((ObjectNode) tree.get("dataElements").get(2)).put("retention", "forever"));
    CliResult result = CliRun.run("ropa", forever);
    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("", result.out());
    assertEquals("piiwarden: " + forever + ": bad value at dataElements[2].retention (data element"
        + " com.acme.User#email), expected a positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H;"
        + " correct it, or regenerate it by recompiling\n", result.err());
    String masked = edited("masked.json", tree -> ((ObjectNode) tree.get("dataElements").get(2))
        .put("id", "kim@example.com").put("retention", "2 years"));
    CliResult check = CliRun.run("check", masked);
    assertEquals(2, check.exitCode(), check.describe());
    assertEquals("piiwarden: " + masked + ": bad value at dataElements[2].retention (data element"
        + " [REDACTED:email]), expected a positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H;"
        + " correct it, or regenerate it by recompiling\n", check.err());
  }

  /** A diff is posted to pull requests and CI logs: an id shaped like personal data is masked. */
  @Test
  void diffMasksAnIdShapedLikePersonalData() throws IOException {
    String withEmailId = edited("emailid.json", tree -> {
      ObjectNode copy = tree.get("dataElements").get(2).deepCopy();
      ((ArrayNode) tree.get("dataElements")).add(copy.put("id", "kim@example.com"));
    });
    CliResult result = CliRun.run("diff", base, withEmailId);
    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.err());
    assertEquals("""
        ELEMENTS: 1 added, 0 removed, 0 changed
        + [REDACTED:email]

        PURPOSES: 2 added, 0 removed, 0 changed
        + [REDACTED:email]: essential.service
        + [REDACTED:email]: marketing.communications.email
        """, result.out());
  }

  /** Transfers come only from --config: without one the record does not claim there are none. */
  @Test
  void ropaSaysTransfersAreNotDeclaredUnlessTheConfigDeclaresThem() throws IOException {
    CliResult md = CliRun.run("ropa", base);
    assertEquals(0, md.exitCode(), md.describe());
    assertEquals(List.of("| Transfers to third countries | not declared |"),
        md.out().lines().filter(l -> l.startsWith("| Transfers")).distinct().toList());
    assertEquals(4, md.out().lines().filter(l -> l.startsWith("| Transfers")).count());
    CliResult csv = CliRun.run("ropa", "--format", "csv", base);
    assertEquals(List.of("not declared"), csv.out().lines().skip(1)
        .map(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)[6]).distinct().toList());

    String none = write("none.yaml", "transfers: []\n");
    CliResult declaredNone = CliRun.run("ropa", "--config", none, base);
    assertEquals(0, declaredNone.exitCode(), declaredNone.describe());
    assertEquals(List.of("| Transfers to third countries | none |"),
        declaredNone.out().lines().filter(l -> l.startsWith("| Transfers")).distinct().toList());
    String otherwise = write("dpo.yaml", "dpo: {name: Dana Protect}\n");
    assertEquals(List.of("| Transfers to third countries | not declared |"), CliRun.run("ropa", "--config", otherwise,
        base).out().lines().filter(l -> l.startsWith("| Transfers")).distinct().toList());
  }
}

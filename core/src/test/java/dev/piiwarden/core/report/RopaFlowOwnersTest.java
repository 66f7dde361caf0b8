package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.ropa.RopaActivity;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which record answers for a flow: the first activity on its path from where the data stops being
 * returned to callers. A controller that only hands a whole object on is no activity, so the service
 * it calls answers for where the data goes; a lookup that returns a record answers for nothing its
 * callers do with it.
 */
class RopaFlowOwnersTest {
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false}],
       "activities": [
         {"id": "com.acme.Signup#register(com.acme.User)", "type": "com.acme.Signup", "method": "register(com.acme.User)",
          "name": "Signup", "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": []}],
       "flows": [
         {"element": "com.acme.User#email", "sink": "DATABASE", "target": "jakarta.persistence.EntityManager#persist",
          "path": ["com.acme.SignupController#create(com.acme.User)", "com.acme.Signup#register(com.acme.User)",
                   "com.acme.Users#store(com.acme.User)"]},
         {"element": "com.acme.User#email", "sink": "LOG", "target": "org.slf4j.Logger#info",
          "path": ["com.acme.Other#pass(com.acme.User)", "com.acme.Other#log(com.acme.User)"]}]}
      """;

  @Test
  void aFlowBelongsToTheFirstActivityOnItsPath() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");
    RopaRecord record = RopaBuilder.build(inventory, Taxonomy.builtIn(), new RopaConfig(null, null, null,
        List.of(), List.of(), null, List.of()));
    RopaActivity signup = record.activities().stream().filter(a -> a.name().equals("Signup")).findFirst().orElseThrow();
    assertEquals(List.of("Databases"), signup.recipientCategories());
    assertEquals(List.of("DATABASE: jakarta.persistence.EntityManager#persist (via com.acme.Users#store(com.acme.User))"),
        signup.sinks());
  }

  private static final String LOOKUP = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false}],
       "activities": [
         {"id": "com.acme.Accounts#find(java.lang.String)", "type": "com.acme.Accounts",
          "method": "find(java.lang.String)", "name": "Account lookup", "purposes": ["essential.service"],
          "reads": [], "calls": ["com.acme.Store#findById(java.lang.String)"]},
         {"id": "com.acme.Accounts#erase(java.lang.String)", "type": "com.acme.Accounts",
          "method": "erase(java.lang.String)", "name": "Account erasure", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email"], "calls": ["com.acme.Accounts#find(java.lang.String)"],
          "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#info", "line": 21,
                     "elements": ["com.acme.User#email"], "confidence": "VIA_CALL"}]},
         {"id": "com.acme.Accounts#emailOf(com.acme.User)", "type": "com.acme.Accounts",
          "method": "emailOf(com.acme.User)", "name": "E-mail of", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email"], "calls": []}],
       "flows": [
         {"element": "com.acme.User#email", "sink": "LOG", "target": "org.slf4j.Logger#info",
          "path": ["com.acme.Store#findById(java.lang.String)", "com.acme.Accounts#find(java.lang.String)",
                   "com.acme.Accounts#erase(java.lang.String)"]},
         {"element": "com.acme.User#email", "sink": "FILE", "target": "java.nio.file.Files#writeString",
          "path": ["com.acme.Accounts#emailOf(com.acme.User)", "com.acme.Report#write(com.acme.User)"]}],
       "summaries": [
         {"method": "com.acme.Store#findById(java.lang.String)", "overrides": [], "passes": [], "sinks": [],
          "returns": {"elements": ["com.acme.User#email"]}},
         {"method": "com.acme.Accounts#find(java.lang.String)", "overrides": [],
          "passes": [{"callee": "com.acme.Store#findById(java.lang.String)", "argument": 0, "line": 10,
                      "elements": [], "parameters": [0], "confidence": "DIRECT"}], "sinks": [],
          "returns": {"results": [{"callee": "com.acme.Store#findById(java.lang.String)", "line": 10}]}},
         {"method": "com.acme.Accounts#erase(java.lang.String)", "overrides": [],
          "passes": [{"callee": "com.acme.Accounts#find(java.lang.String)", "argument": 0, "line": 20,
                      "elements": [], "parameters": [0], "confidence": "DIRECT"}], "sinks": [],
          "resultSinks": [{"result": {"callee": "com.acme.Accounts#find(java.lang.String)", "line": 20},
                           "kind": "LOG", "target": "org.slf4j.Logger#info", "line": 21, "confidence": "VIA_CALL"}]},
         {"method": "com.acme.Report#write(com.acme.User)", "overrides": [], "passes": [], "sinks": [],
          "resultSinks": [{"result": {"callee": "com.acme.Accounts#emailOf(com.acme.User)", "line": 5},
                           "kind": "FILE", "target": "java.nio.file.Files#writeString", "line": 5,
                           "confidence": "VIA_CALL"}]}]}
      """;

  @Test
  void aLookupDoesNotAnswerForWhatItsCallersDoWithWhatItReturns() {
    Inventory inventory = InventoryJson.read(LOOKUP.getBytes(StandardCharsets.UTF_8), "inventory.json");
    RopaRecord record = RopaBuilder.build(inventory, Taxonomy.builtIn(), new RopaConfig(null, null, null,
        List.of(), List.of(), null, List.of()));
    RopaActivity lookup = named(record, "Account lookup");
    assertEquals(List.of(), lookup.sinks());
    assertEquals(List.of(), lookup.recipientCategories());
    // what it obtains and returns is still its processing
    assertEquals(List.of("user.contact.email"), lookup.categories().stream().map(c -> c.key()).toList());
    assertEquals(List.of("customer"), lookup.subjects().stream().map(s -> s.key()).toList());
    assertEquals(List.of("user.contact.email: not declared"), lookup.retention());
    RopaActivity erasure = named(record, "Account erasure");
    assertEquals(List.of("LOG: org.slf4j.Logger#info"), erasure.sinks());
    assertEquals(List.of("Application logs"), erasure.recipientCategories());
    // the caller that writes the returned value is no activity: the reader still answers for it
    assertEquals(List.of("FILE: java.nio.file.Files#writeString (via com.acme.Report#write(com.acme.User))"),
        named(record, "E-mail of").sinks());
  }

  private static final String RETURNED_TO_A_ROUTE = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false}],
       "activities": [
         {"id": "com.acme.User#withEmail(java.lang.String)", "type": "com.acme.User",
          "method": "withEmail(java.lang.String)", "name": "Copy with a new address", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email"], "calls": []},
         {"id": "com.acme.Accounts#rectify(java.lang.String)", "type": "com.acme.Accounts",
          "method": "rectify(java.lang.String)", "name": "Account rectification", "purposes": ["essential.service"],
          "reads": [], "calls": ["com.acme.User#withEmail(java.lang.String)"]}],
       "flows": [
         {"element": "com.acme.User#email", "sink": "HTTP", "target": "com.sun.net.httpserver.HttpExchange#getResponseBody",
          "path": ["com.acme.User#withEmail(java.lang.String)", "com.acme.Accounts#rectify(java.lang.String)",
                   "com.acme.Routes#of()", "com.acme.Server#write(java.lang.Object)"]}],
       "summaries": [
         {"method": "com.acme.User#withEmail(java.lang.String)", "overrides": [], "passes": [], "sinks": [],
          "returns": {"elements": ["com.acme.User#email"]}},
         {"method": "com.acme.Accounts#rectify(java.lang.String)", "overrides": [], "passes": [], "sinks": [],
          "returns": {"results": [{"callee": "com.acme.User#withEmail(java.lang.String)", "line": 7}]}},
         {"method": "com.acme.Routes#of()", "overrides": [],
          "passes": [{"callee": "com.acme.Server#write(java.lang.Object)", "argument": 0, "line": 12,
                      "elements": [], "parameters": [], "confidence": "VIA_CALL",
                      "results": [{"callee": "com.acme.Accounts#rectify(java.lang.String)", "line": 12}]}],
          "sinks": []}]}
      """;

  @Test
  void whenNoActivitySendsItOnTheLastActivityThatReturnedItAnswersForTheFlow() {
    // withEmail builds the copy, rectify returns it to a route that is no activity, the route
    // hands it to the server's writer: the rectification sends the user out, the copy does not
    Inventory inventory = InventoryJson.read(RETURNED_TO_A_ROUTE.getBytes(StandardCharsets.UTF_8), "inventory.json");
    RopaRecord record = RopaBuilder.build(inventory, Taxonomy.builtIn(), new RopaConfig(null, null, null,
        List.of(), List.of(), null, List.of()));
    assertEquals(List.of("HTTP: com.sun.net.httpserver.HttpExchange#getResponseBody (via com.acme.Server#write(java.lang.Object))"),
        named(record, "Account rectification").sinks());
    assertEquals(List.of(), named(record, "Copy with a new address").sinks());
  }

  private static RopaActivity named(RopaRecord record, String name) {
    return record.activities().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }
}

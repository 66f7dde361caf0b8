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
 * Which record answers for a flow: the first activity on its path. A controller that only hands
 * a whole object on is no activity, so the service it calls answers for where the data goes.
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
}

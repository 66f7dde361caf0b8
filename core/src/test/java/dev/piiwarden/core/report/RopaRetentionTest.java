package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.ropa.RopaActivity;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time limits for erasure, per category: one line per category when its elements agree, and
 * where they do not, each period with the elements kept for it, so the record never shows one
 * category with two periods and no way to tell which data each is for.
 */
class RopaRetentionTest {
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false, "retention": "P2Y"},
         {"id": "com.acme.Rectification#email", "type": "com.acme.Rectification", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false},
         {"id": "com.acme.User#name", "type": "com.acme.User", "member": "name", "kind": "FIELD",
          "category": "user.name", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false, "retention": "P1Y"},
         {"id": "com.acme.Rectification#name", "type": "com.acme.Rectification", "member": "name", "kind": "FIELD",
          "category": "user.name", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false, "retention": "P1Y"}],
       "activities": [
         {"id": "com.acme.Accounts#rectify(com.acme.User)", "type": "com.acme.Accounts", "method": "rectify(com.acme.User)",
          "name": "Account rectification", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email", "com.acme.Rectification#email", "com.acme.User#name",
                    "com.acme.Rectification#name"], "calls": []}],
       "flows": []}
      """;

  @Test
  void aCategoryKeptForDifferentPeriodsNamesTheElementsOfEach() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");

    RopaActivity activity = RopaBuilder.build(inventory, Taxonomy.builtIn(), RopaConfig.empty()).activities().get(0);

    assertEquals(List.of(
        "user.contact.email: P2Y (com.acme.User#email)",
        "user.contact.email: not declared (com.acme.Rectification#email)",
        "user.name: P1Y"), activity.retention());
  }
}

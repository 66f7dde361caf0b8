package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Data an activity collects without reading it, such as the client address a login records in
 * the event it builds, is data it processes: its categories, subjects and periods are in its
 * record. The inventory keeps them as {@code writes}, and writes nothing for an activity without.
 */
class RopaWrittenDataTest {
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.LoginAttempt#email", "type": "com.acme.LoginAttempt", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false},
         {"id": "com.acme.LoginEvent#clientIp", "type": "com.acme.LoginEvent", "member": "clientIp", "kind": "FIELD",
          "category": "user.device.ip_address", "purposes": ["essential.service"], "subject": "customer",
          "basis": "LEGITIMATE_INTERESTS", "redaction": "MASK", "special": false, "sensitive": false,
          "retention": "P90D"}],
       "activities": [
         {"id": "com.acme.Accounts#login(com.acme.LoginAttempt,java.lang.String)", "type": "com.acme.Accounts",
          "method": "login(com.acme.LoginAttempt,java.lang.String)", "name": "Login", "purposes": ["essential.service"],
          "reads": ["com.acme.LoginAttempt#email"], "writes": ["com.acme.LoginEvent#clientIp"], "calls": []},
         {"id": "com.acme.Accounts#logout(com.acme.LoginAttempt)", "type": "com.acme.Accounts",
          "method": "logout(com.acme.LoginAttempt)", "name": "Logout", "purposes": ["essential.service"],
          "reads": ["com.acme.LoginAttempt#email"], "calls": []}],
       "flows": []}
      """;

  @Test
  void whatAnActivityWritesIsDataItProcesses() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");
    RopaActivity login = RopaBuilder.build(inventory, Taxonomy.builtIn(), RopaConfig.empty()).activities().stream()
        .filter(a -> a.name().equals("Login")).findFirst().orElseThrow();
    assertEquals(List.of("user.contact.email", "user.device.ip_address"),
        login.categories().stream().map(c -> c.key()).toList());
    assertTrue(login.retention().contains("user.device.ip_address: P90D"), login.retention().toString());
  }

  @Test
  void writesSurviveJsonAndAreLeftOutWhenThereAreNone() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");
    String json = InventoryJson.write(inventory);
    assertEquals(1, json.split("\"writes\"", -1).length - 1, json);
    Inventory again = InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "inventory.json");
    assertEquals(List.of("com.acme.LoginEvent#clientIp"), again.activities().get(0).writes());
    assertEquals(List.of(), again.activities().get(1).writes());
  }
}

package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaConfigReader;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfers to third countries (Art. 30(1)(e)) are known only from the configuration: the record
 * says "none" when it declares none ({@code transfers: []}), and "not declared" when it says nothing
 * about them, as for the DPO.
 */
class RopaTransfersTest {
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false, "retention": "P2Y"}],
       "activities": [
         {"id": "com.acme.Mailer#send(com.acme.User)", "type": "com.acme.Mailer", "method": "send(com.acme.User)",
          "name": "Mailing", "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": []},
         {"id": "com.acme.Shop#order(com.acme.User)", "type": "com.acme.Shop", "method": "order(com.acme.User)",
          "name": "Ordering", "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": []}],
       "flows": []}
      """;

  private static final Inventory INVENTORY_READ =
      InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");

  private static RopaConfig config(String json) throws Exception {
    return RopaConfigReader.read(new ObjectMapper().readTree(json), "ropa.json");
  }

  private static List<List<String>> transfers(RopaConfig config) {
    RopaRecord record = RopaBuilder.build(INVENTORY_READ, Taxonomy.builtIn(), config);
    return record.activities().stream().map(a -> a.transfers()).toList();
  }

  @Test
  void withoutAConfigTransfersAreNotDeclared() {
    assertEquals(List.of(List.of("not declared"), List.of("not declared")), transfers(RopaConfig.empty()));
  }

  @Test
  void aConfigWithoutTransfersLeavesThemNotDeclared() throws Exception {
    assertEquals(List.of(List.of("not declared"), List.of("not declared")),
        transfers(config("{\"controller\": \"Acme\"}")));
    assertEquals(List.of(List.of("not declared"), List.of("not declared")),
        transfers(config("{\"transfers\": null}")));
  }

  @Test
  void aConfigThatDeclaresNoTransfersGivesNone() throws Exception {
    assertEquals(List.of(List.of(), List.of()), transfers(config("{\"transfers\": []}")));
  }

  @Test
  void declaredTransfersApplyToTheirActivitiesAndTheOthersHaveNone() throws Exception {
    assertEquals(List.of(List.of("US: Mailer Inc. (safeguard: SCC 2021/914)"), List.of()),
        transfers(config("{\"transfers\": [{\"country\": \"US\", \"recipient\": \"Mailer Inc.\","
            + " \"safeguard\": \"SCC 2021/914\", \"activities\": [\"Mailing\"]}]}")));
  }

  @Test
  void eachFormatSaysNotDeclaredWithoutAConfig() throws Exception {
    RopaRecord record = RopaBuilder.build(INVENTORY_READ, Taxonomy.builtIn(), RopaConfig.empty());
    String md = RopaFormat.MD.render(record, RopaConfig.empty());
    String row = "| Transfers to third countries | not declared |";
    assertEquals(List.of(row, row), md.lines().filter(l -> l.startsWith("| Transfers")).toList());
    String csv = RopaFormat.CSV.render(record, RopaConfig.empty());
    assertEquals(List.of("not declared", "not declared"),
        csv.lines().skip(1).map(l -> l.split(",", -1)[6]).toList());
    String html = RopaFormat.HTML.render(record, RopaConfig.empty());
    assertEquals(2, html.split("<th scope=\"row\">Transfers to third countries</th><td><ul><li class=\"none\">not"
        + " declared</li></ul></td>", -1).length - 1, html);
    String json = RopaFormat.JSON.render(record, RopaConfig.empty());
    assertEquals("[\"not declared\"]",
        new ObjectMapper().readTree(json).path("activities").path(0).path("transfers").toString());
  }

  @Test
  void theCsvSaysNAWhenTheConfigDeclaresNoTransfers() throws Exception {
    RopaConfig none = config("{\"transfers\": []}");
    String csv = RopaFormat.CSV.render(RopaBuilder.build(INVENTORY_READ, Taxonomy.builtIn(), none), none);
    assertEquals(List.of("N/A", "N/A"), csv.lines().skip(1).map(l -> l.split(",", -1)[6]).toList());
  }

  @Test
  void eachCsvRowNamesTheControllerTheDpoAndTheRepresentative() throws Exception {
    RopaConfig parties = config("{\"controller\": {\"name\": \"Acme GmbH\", \"contact\": \"privacy@acme.example\"},"
        + " \"dpo\": {\"name\": \"Dana Protect\"}}");
    String csv = RopaFormat.CSV.render(RopaBuilder.build(INVENTORY_READ, Taxonomy.builtIn(), parties), parties);
    List<String> lines = csv.lines().toList();
    assertEquals(List.of("Controller", "Data Protection Officer", "Representative"),
        List.of(lines.get(0).split(",", -1)).subList(14, 17));
    for (String row : lines.subList(1, lines.size())) {
      assertTrue(row.endsWith(",\"Acme GmbH, privacy@acme.example\",Dana Protect,not declared"), row);
    }
  }
}

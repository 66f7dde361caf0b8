package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An activity declaring no purposes shows none as its own, and the purposes and bases its data was
 * collected for under their own label; activities sharing a name are told apart by their method;
 * activities without personal data come last.
 */
class RopaDeclaredPurposesAndTitlesTest {
  private static final Inventory CUSTOMERS = ReportFixtures.read("/dev/piiwarden/core/report/ropa-customers-inventory.json");
  private static final String LEGACY = "com.acme.LegacyExport#writeString(java.nio.file.Path,com.acme.Customer)";

  private static String render(RopaFormat format) {
    RopaConfig config = RopaConfig.empty();
    RopaRecord record = RopaBuilder.build(CUSTOMERS, Taxonomy.builtIn(), config);
    return format.render(record, config);
  }

  private static String section(String md, String heading) {
    int start = md.indexOf("\n## " + heading + "\n");
    assertTrue(start >= 0, md);
    int end = md.indexOf("\n## ", start + 1);
    return md.substring(start, end < 0 ? md.length() : end);
  }

  @Test
  void markdownShowsNoPurposeTheActivityDoesNotDeclare() {
    String md = render(RopaFormat.MD);
    assertTrue(md.contains("| LegacyExport.writeString | not declared; the data was collected for essential.service,"
        + " marketing.communications.email | not declared; the data was collected under CONSENT (Art. 6(1)(a))"
        + " | user.contact.phone_number |\n"), md);
    String legacy = section(md, "LegacyExport.writeString");
    assertTrue(legacy.contains("| Purposes of the processing | not declared |\n"), legacy);
    assertTrue(legacy.contains("| Lawful basis (Art. 6) | not declared |\n"), legacy);
    assertTrue(legacy.contains("| Purposes the data read was collected for (not declared by this activity) |"
        + " Essential for Service (essential.service)<br>Marketing Email Communications"
        + " (marketing.communications.email) |\n"), legacy);
    assertTrue(legacy.contains("| Lawful bases the data read was collected under (not declared by this activity) |"
        + " CONSENT (Art. 6(1)(a)) |\n"), legacy);
    // An activity that declares its purposes shows those alone, and no inferred ones.
    String update = section(md, "Customer management (CustomerService.update(Customer))");
    assertTrue(update.contains("| Purposes of the processing | Essential for Service (essential.service) |\n"), update);
    assertFalse(update.contains("collected for"), update);
  }

  @Test
  void csvAndJsonKeepTheirFieldsAndAddTheDataPurposes() throws IOException {
    String csv = render(RopaFormat.CSV);
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).endsWith(",Purposes the Data Was Collected For (the activity declares none)"
        + ",Lawful Bases the Data Was Collected Under (the activity declares none)"
        + ",Controller,Data Protection Officer,Representative"), lines.get(0));
    String legacy = lines.stream().filter(l -> l.startsWith("LegacyExport.writeString,")).findFirst().orElseThrow();
    assertTrue(legacy.startsWith("LegacyExport.writeString,\"" + LEGACY + "\",not declared,"), legacy);
    assertTrue(legacy.endsWith(",essential.service; marketing.communications.email,CONSENT (Art. 6(1)(a))"
        + ",not declared,not declared,not declared"), legacy);

    JsonNode json = new ObjectMapper().readTree(render(RopaFormat.JSON));
    JsonNode export = null;
    JsonNode register = null;
    for (JsonNode activity : json.get("activities")) {
      if (activity.get("id").asText().equals(LEGACY)) {
        export = activity;
      } else if (activity.get("id").asText().startsWith("com.acme.CustomerService#register")) {
        register = activity;
      }
    }
    assertEquals(0, export.get("purposes").size(), export.toString());
    assertEquals("[\"not declared\"]", export.get("lawfulBases").toString());
    assertEquals("[{\"key\":\"essential.service\",\"name\":\"Essential for Service\"},"
        + "{\"key\":\"marketing.communications.email\",\"name\":\"Marketing Email Communications\"}]",
        export.get("dataPurposes").toString());
    assertEquals("[\"CONSENT (Art. 6(1)(a))\"]", export.get("dataBases").toString());
    assertEquals("LegacyExport.writeString", export.get("title").asText());
    assertEquals("Customer management", register.get("name").asText());
    assertEquals("Customer management (CustomerService.register)", register.get("title").asText());
    assertFalse(register.has("dataPurposes"), register.toString());
  }

  @Test
  void activitiesSharingANameAreToldApartByTheirMethod() {
    String md = render(RopaFormat.MD);
    List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
    assertEquals(List.of(
        "## Customer management (CustomerService.register)",
        "## Customer management (CustomerService.update(Customer))",
        "## Customer management (CustomerService.update(String))",
        "## LegacyExport.writeString",
        "## Customer management (CustomerService.logTier)"), headings);
    List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Field")
        && !l.startsWith("| Processing activity") && md.indexOf(l) < md.indexOf("\n## ")).toList();
    assertEquals(5, rows.size(), md);
    assertTrue(rows.get(4).startsWith("| Customer management (CustomerService.logTier) | essential.service |"
        + " not declared | none |"), rows.get(4));
    assertTrue(md.contains("\n1 activity reads no personal data; it is listed last.\n"), md);
  }

  @Test
  void htmlHeadingsAreUniqueAndLinkedFromTheOverview() {
    String html = render(RopaFormat.HTML);
    assertTrue(html.contains("<section class=\"activity\" id=\"com.acme.CustomerService-update-com.acme.Customer-\">\n"
        + "<h2>Customer management (CustomerService.update(Customer))</h2>"), html);
    assertTrue(html.contains("<tr><td><a href=\"#com.acme.CustomerService-update-com.acme.Customer-\">Customer management"
        + " (CustomerService.update(Customer))</a></td>"), html);
    assertTrue(html.contains("<th scope=\"row\">Purposes the data read was collected for (not declared by this activity)"
        + "</th>"), html);
  }
}

package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.diagram.DataFlowDiagram;
import dev.piiwarden.core.report.diagram.DiagramFormat;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activity names as the code gives them: no formula in a sheet, no markup in Markdown or Mermaid. */
class ReportTextSafetyTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();

  private static Inventory activities(String... names) {
    StringBuilder json = new StringBuilder("{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [], \"flows\": [],"
        + " \"activities\": [");
    for (int i = 0; i < names.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\": \"com.acme.Jobs#run").append(i).append("()\", \"type\":"
          + " \"com.acme.Jobs\", \"method\": \"run").append(i).append("()\", \"name\": \"").append(names[i])
          .append("\", \"purposes\": [\"essential.service\"], \"reads\": []}");
    }
    return InventoryJson.read(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), "test.json");
  }

  private static String ropa(RopaFormat format, Inventory inventory) {
    RopaRecord record = RopaBuilder.build(inventory, TAXONOMY, RopaConfig.empty());
    return format.render(record, RopaConfig.empty());
  }

  @Test
  void aCsvCellThatWouldBeAFormulaStartsWithAQuote() {
    List<String> rows = ropa(RopaFormat.CSV, activities("=HYPERLINK(1)", "+1", "-1", "@SUM(1)", "Plain")).lines().toList();
    assertEquals(List.of("'+1", "'-1", "'=HYPERLINK(1)", "'@SUM(1)", "Plain"),
        rows.subList(1, rows.size()).stream().map(r -> r.substring(0, r.indexOf(','))).sorted().toList());
  }

  @Test
  void markdownSpecialsInANameAreEscaped() {
    String md = ropa(RopaFormat.MD, activities("*fast* `x` [a](b) _lead"));
    assertTrue(md.contains("| \\*fast\\* \\`x\\` \\[a\\](b) \\_lead |"), md);
    assertTrue(md.contains("## \\*fast\\* \\`x\\` \\[a\\](b) \\_lead\n"), md);
  }

  @Test
  void anEmptyRecordSaysSo() {
    Inventory none = activities();
    assertTrue(ropa(RopaFormat.MD, none).endsWith("\nNo processing activities: the inventory declares none.\n"));
    assertFalse(ropa(RopaFormat.MD, none).contains("| Processing activity |"));
    assertTrue(ropa(RopaFormat.HTML, none).contains("<p>No processing activities: the inventory declares none.</p>"));
  }

  @Test
  void mermaidLabelsHaveNoLineBreakNoEntityOfTheNameAndTheRecordsNameWhenBlank() {
    String mermaid = DiagramFormat.MERMAID.render(
        DataFlowDiagram.DEFAULT.build(activities("a #35; b\\nc", ""), TAXONOMY));
    assertTrue(mermaid.contains("[\"a #35;35; b c\"]"), mermaid);
    assertTrue(mermaid.contains("[\"Jobs.run1\"]"), mermaid);
    assertFalse(mermaid.contains("[\"\"]"), mermaid);
  }
}
